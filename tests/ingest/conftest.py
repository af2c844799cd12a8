"""Paths for the ingest tests: our own fixtures, and the shared sample beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared_samples() -> Path:
    """The shared sample pages beside the checkout; tests using them skip when they are absent."""
    samples = SHARED / "samples"
    if not samples.is_dir():
        pytest.skip("../shared/samples is not beside this checkout")
    return samples
