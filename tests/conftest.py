from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factx.evaluate import shared_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared material folder; tests that need it skip cleanly where it is absent."""
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is not here (a user's clone does not have it)")
    return path


@pytest.fixture(scope="session")
def seed(shared: Path) -> tuple[str, dt.date]:
    text = (shared / "seed" / "alashankou-uzbekistan-train.txt").read_text(encoding="utf-8")
    return text, dt.date(2022, 3, 1)
