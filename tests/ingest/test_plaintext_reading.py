"""The plain-text extractor classifies only the lines down to a little below the body; the
article must be the one it finds when it classifies every line."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from reader.ingest import plaintext
from reader.ingest.plaintext import UNREAD, extract_plain_text
from reader.ingest.plaintext.kinds import classify
from reader.ingest.plaintext.lines import Unit

_TAIL_PAGE = "\n".join([
    "Home | News | Sport | Business | Culture",
    "",
    "Harbour bridge reopens after two years of repairs",
    "",
    "By Ann Lee | 12 March 2021",
    "",
    "The old harbour bridge opened again on Friday, two years after engineers closed it.",
    "",
    "Commuters cheered as the first bus crossed, and the mayor thanked the crews who worked through two winters.",
    "",
    "Related stories",
    "",
    *[line for n in range(1, 25) for line in (f"* Ferry timetable changes for the spring season, part {n}", f"  {n} March 2021")],
    "",
    *[f"* Harbour walks: the north pier and the old lighthouse, number {n}" for n in range(60)],
    "",
    "Contact us | Advertise | Privacy | Terms of use",
    "Copyright 2021 Harbour Times",
])


def _read_every_line(units: list[Unit]) -> None:
    """What the extractor did before it left lines unread: classify every line it does not score roughly."""
    for unit in units:
        if unit.kind == UNREAD:
            classify(unit)


_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
_PAGES = {"tail": _TAIL_PAGE} | {path.stem: path.read_text(encoding="utf-8") for path in sorted(_FIXTURES.glob("*.txt"))}


@pytest.mark.parametrize("name", _PAGES)
def test_unread_lines_change_nothing(monkeypatch, name):
    lazy = extract_plain_text(_PAGES[name])
    monkeypatch.setattr(plaintext, "_read_anchors", _read_every_line)
    assert asdict(extract_plain_text(_PAGES[name])) == asdict(lazy)


def test_the_tail_is_left_unread(monkeypatch):
    read: list[Unit] = []
    monkeypatch.setattr(plaintext, "classify", lambda unit: (read.append(unit), classify(unit)))
    extract_plain_text(_TAIL_PAGE)
    assert not any(unit.text.startswith(("Harbour walks", "Contact us")) for unit in read)
