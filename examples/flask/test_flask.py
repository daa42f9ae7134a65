"""The Flask example through Flask's own test client, and under its development server
(Werkzeug) on loopback."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "python")]
from flask_example import create_app  # noqa: E402
from check_app import check_app  # noqa: E402
from servers import serve  # noqa: E402

KEY = "flask-test-key-123"


def test_through_the_flask_test_client():
    client = create_app(KEY).test_client()

    def get(target):
        res = client.get(target)
        return res.status_code, {k.lower(): v for k, v in res.headers.items()}, res.data

    assert check_app(get, KEY) > 100


def test_under_the_flask_development_server():
    argv = lambda port: [sys.executable, "-m", "flask", "--app", "flask_example", "run", "--host", "127.0.0.1",  # noqa: E731
                         "--port", str(port)]
    with serve(argv, cwd=str(HERE), env={"IMGSIGN_KEY": KEY}) as s:
        check_app(s.get, KEY)
    assert KEY not in "\n".join(s.log)
