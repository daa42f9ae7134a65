"""One builder and one signer shared by 8 threads give the single-threaded results."""

from concurrent.futures import ThreadPoolExecutor

import imgsign

BUILDER = imgsign.UrlBuilder("demo.imgix.net", key="FOO123bar")
SIGNER = imgsign.Signer("imgix", "FOO123bar")
ITEMS = [(f"/photos/{i}/image {i}.jpg", {"w": i, "h": i * 2 + 1, "fit": "crop", "txt": f"n°{i}"}) for i in range(400)]


def work(chunk):
    out = []
    for path, params in chunk:
        out.append(BUILDER.build_url(path, params))
        out.append(BUILDER.build_srcset(path, {"fit": params["fit"]}, widths=[100, 200, params["w"] + 1]))
    urls = BUILDER.build_urls(chunk)
    out.extend(SIGNER.sign_urls(urls))
    for u in urls:
        SIGNER.verify_url(SIGNER.sign_url(u))
    return out


def test_eight_threads_match_single_thread():
    expected = [work(ITEMS[i::8]) for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            got = list(pool.map(work, [ITEMS[i::8] for i in range(8)]))
            assert got == expected
    assert len({u for chunk in expected for u in chunk}) >= 800  # 400 URLs + 400 srcsets (re-signing a signed URL is idempotent)
