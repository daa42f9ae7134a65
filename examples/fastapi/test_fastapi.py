"""The FastAPI example through Starlette's own test client, and under uvicorn on loopback."""

import sys
from pathlib import Path

from fastapi.testclient import TestClient

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "python")]
from fastapi_example import create_app  # noqa: E402
from check_app import check_app  # noqa: E402
from servers import serve  # noqa: E402

KEY = "fastapi-test-key-123"


def test_through_the_starlette_test_client():
    with TestClient(create_app(KEY)) as client:

        def get(target):
            res = client.get(target)
            return res.status_code, {k.lower(): v for k, v in res.headers.items()}, res.content

        assert check_app(get, KEY) > 100


def test_under_uvicorn():
    argv = lambda port: [str(Path(sys.executable).parent / "uvicorn"), "fastapi_example:app", "--host", "127.0.0.1",  # noqa: E731
                         "--port", str(port)]
    with serve(argv, cwd=str(HERE), env={"IMGSIGN_KEY": KEY}) as s:
        check_app(s.get, KEY)
    assert KEY not in "\n".join(s.log)
