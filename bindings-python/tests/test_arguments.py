"""Every wrong argument is the coded error of its field (the core's rule), a bool is never an
int, and a secret given in the wrong place or a value of the wrong type never reaches a
message or repr."""

import pytest

import imgsign

KEY = "FOO123bar"
SECRET = "SuperSecretK3y!"
B = imgsign.UrlBuilder("demo.imgix.net", key=KEY)
S = imgsign.Signer("imgix", KEY)


class Sneaky:
    """A value whose str() and repr() are a secret."""

    def __str__(self) -> str:
        return SECRET

    __repr__ = __str__


CASES = [
    # (operation, argument, call)
    ("url_builder", "provider", lambda: imgsign.UrlBuilder("demo.imgix.net", provider=1)),
    ("url_builder", "profile", lambda: imgsign.UrlBuilder("demo.imgix.net", profile="x\ud800")),
    ("url_builder", "use_https", lambda: imgsign.UrlBuilder("demo.imgix.net", use_https="no")),
    ("url_builder", "use_https", lambda: imgsign.UrlBuilder("demo.imgix.net", use_https=1)),
    ("url_builder", "key", lambda: imgsign.UrlBuilder("demo.imgix.net", key=b"bytes")),
    ("url_builder", "domain", lambda: imgsign.UrlBuilder(None)),
    ("build_srcset", "disable_variable_quality", lambda: B.build_srcset("/a.jpg", disable_variable_quality="x")),
    ("build_srcset", "widths", lambda: B.build_srcset("/a.jpg", widths=[True])),
    ("build_srcset", "widths", lambda: B.build_srcset("/a.jpg", widths="100")),
    ("build_srcset", "min_width", lambda: B.build_srcset("/a.jpg", min_width=True)),
    ("build_srcset", "tolerance", lambda: B.build_srcset("/a.jpg", tolerance=True)),
    ("build_srcset", "device_pixel_ratios", lambda: B.build_srcset("/a.jpg", {"w": 1}, device_pixel_ratios=[False])),
    ("build_srcset", "variable_qualities", lambda: B.build_srcset("/a.jpg", {"w": 1}, variable_qualities={True: 50})),
    ("build_srcset", "variable_qualities", lambda: B.build_srcset("/a.jpg", {"w": 1}, variable_qualities={1.0: True})),
    ("target_widths", "min_width", lambda: imgsign.target_widths(True)),
    ("target_widths", "tolerance", lambda: imgsign.target_widths(tolerance=False)),
    ("sign_url", "expires", lambda: S.sign_url("https://a.com/x", expires=True)),
    ("sign_url", "expires_in", lambda: S.sign_url("https://a.com/x", expires_in=True)),
    ("sign_url", "now", lambda: S.sign_url("https://a.com/x", expires_in=1, now=True)),
    ("sign_url", "url", lambda: S.sign_url(b"https://a.com/x")),
    ("verify_url", "now", lambda: S.verify_url("https://a.com/x", now=True)),
    ("sign_origin_request", "timestamp", lambda: imgsign.sign_origin_request("0123456789abcdef", "r", True)),
    ("signer", "previous_keys", lambda: imgsign.Signer("imgix", KEY, previous_keys="old")),
    ("signer", "previous_keys", lambda: imgsign.Signer("imgix", KEY, previous_keys=[1])),
    ("build_url", "params", lambda: B.build_url("/a.jpg", {"w": [1]})),
    ("build_url", "params", lambda: B.build_url("/a.jpg", 42)),
    ("build_urls", "items", lambda: B.build_urls([("/a.jpg",)])),
    ("build_urls", "path", lambda: B.build_urls([("/a.jpg", None), (1, None)])),
    ("verify_origin_request", "headers", lambda: imgsign.verify_origin_request("k", [("x-imgix-signature", 1)])),
    ("verify_origin_request", "tolerance", lambda: imgsign.verify_origin_request("k", {}, tolerance=True)),
]


@pytest.mark.parametrize("operation,argument,call", CASES, ids=[f"{o}-{a}-{i}" for i, (o, a, _) in enumerate(CASES)])
def test_a_wrong_argument_is_the_coded_error_of_its_field(operation, argument, call):
    with pytest.raises(imgsign.ImgsignError) as info:
        call()
    assert info.value.code == imgsign.argument_error_code(operation, argument), info.value.message
    assert argument in info.value.message


def test_a_bool_is_never_an_int():
    # Params are the one place a bool is a value of its own: written true/false.
    assert B.build_url("/a.jpg", {"flip": True}) != B.build_url("/a.jpg", {"flip": 1})
    assert "expires=1" not in repr(pytest.raises(imgsign.InvalidParamError, S.sign_url, "https://a.com/x",
                                                 expires=True).value)


def test_a_batch_error_names_the_item():
    with pytest.raises(imgsign.InvalidUrlError) as info:
        B.build_urls([("/a.jpg", None), ("/b\ud800.jpg", None)])
    assert info.value.message.startswith("items[1]: path")


@pytest.mark.parametrize("call", [
    lambda: imgsign.Signer(SECRET, "imgix"),
    lambda: imgsign.Signer(Sneaky(), KEY),
    lambda: imgsign.Signer("imgix", Sneaky()),
    lambda: imgsign.Signer("imgix", KEY, previous_keys=[Sneaky()]),
    lambda: imgsign.UrlBuilder(SECRET),
    lambda: imgsign.UrlBuilder("demo.imgix.net", provider=SECRET),
    lambda: imgsign.UrlBuilder("demo.imgix.net", profile=SECRET),
    lambda: imgsign.UrlBuilder("demo.imgix.net", key=Sneaky()),
    lambda: S.sign_url(Sneaky()),
    lambda: S.verify_url(SECRET),
    lambda: B.build_url("/a.jpg", {"w": Sneaky()}),
    lambda: imgsign.sign_origin_request(Sneaky(), "r", 1),
    lambda: imgsign.verify_origin_secret(Sneaky(), {}),
    lambda: imgsign.verify_basic_auth("u", Sneaky(), {}),
    lambda: imgsign.verify_origin_request("k", {"x-imgix-signature": Sneaky()}),
])
def test_a_secret_in_the_wrong_place_never_reaches_a_message(call):
    with pytest.raises(imgsign.ImgsignError) as info:
        call()
    for text in (str(info.value), repr(info.value), info.value.message):
        assert SECRET not in text


def test_messages_are_cut_by_the_core_only():
    name = "p" * 100
    with pytest.raises(imgsign.InvalidParamError) as info:
        B.build_url("/a.jpg", {name: object()})
    # The core's excerpt rule (40 characters and an ellipsis), not a Python one.
    assert '"' + "p" * 40 + '"…' in info.value.message
