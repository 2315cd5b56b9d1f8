"""Fixtures shared by every test folder: a real SQLite file, the sample, the
seed text, and LibreOffice rendering to PDF."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI replays the same examples every run (a red build is then reproducible);
# elsewhere hypothesis explores new ones each time.
from hypothesis import settings as _hypothesis_settings  # noqa: E402
from support import seed_lines  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real user data folder: HXDESK_DATA_DIR points to a temp folder."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("HXDESK_DATA_DIR", str(data))
    return data


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "hxdesk.db"


@pytest.fixture
def store(db_path):
    from hxdesk.store import Store

    s = Store(db_path)
    yield s
    s.close()


@pytest.fixture
def sample():
    from hxdesk import services

    return services.sample_report()


@pytest.fixture(scope="session")
def seed() -> list[str]:
    return seed_lines()
