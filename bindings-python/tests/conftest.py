from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


# No example database on disk: keeps the work tree clean and runs reproducible per seed.
from hypothesis import settings  # noqa: E402

settings.register_profile("imgsign", database=None)
settings.load_profile("imgsign")
