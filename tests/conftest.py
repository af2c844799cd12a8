"""Shared test set-up: headless Qt, and paths to fixtures and the shared samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def pages() -> Path:
    return FIXTURES / "pages"


@pytest.fixture
def shared_sample() -> Path:
    sample = SHARED / "samples" / "yybnet-anhui-development-zones.txt"
    if not sample.exists():
        pytest.skip("../shared/samples is not beside this checkout")
    return sample
