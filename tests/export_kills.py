"""Killing ``python -m reader export`` with SIGKILL, for the tests and the soak bench.

A library of articles is exported once (the "old" files), its article notes
change, and it is exported again (the "new" files). A killed export must
leave the old files, the new ones, or (killed during the renames) a stage
marked complete that the next export into the folder finishes.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

from reader.cli import main
from reader.export.files import COMPLETE, STAGE_PREFIX
from reader.model import Article
from reader.render import render_markdown
from reader.store import Library

IMAGE = bytes(range(256)) * 160  # 40 KB: each HTML file carries it inlined, so the export takes a while


def make_library(path: Path, count: int) -> list[int]:
    """``count`` articles with an image and an article note each; their ids."""
    library = Library(path)
    body = "![figure](f.png)\n\n" + "\n\n".join(f"Paragraph {n} of an article worth exporting." for n in range(40))
    rendered = render_markdown(body)
    ids = [library.add(Article(title=f"Article {n}", markdown=body, text=rendered.text, url=f"https://example.org/{n}",
                               sections=rendered.sections, images={"f.png": IMAGE}))[0] for n in range(count)]
    for article_id in ids:
        library.annotations.set_article_note(article_id, "First reading.")
    library.close()
    return ids


def renote(path: Path, ids: list[int]) -> None:
    """Change every article's note, so the next export differs in every file."""
    library = Library(path)
    for article_id in ids:
        library.annotations.set_article_note(article_id, "Second reading, after the kill tests.")
    library.close()


def export_args(library: Path, out: Path, fmt: str = "html") -> list[str]:
    return ["--library", str(library), "export", "--format", fmt, "--all", "-o", str(out)]


def export_killed_at(args: list[str], function: str, calls: int) -> None:
    """Run the export, SIGKILLing this process at ``os.<function>`` call number ``calls + 1``.

    ``("replace", 30)``: after 30 files are renamed into place, before the 31st.
    """
    real, made = getattr(os, function), []

    def counting(*arguments, **keywords):
        if len(made) == calls:
            os.kill(os.getpid(), signal.SIGKILL)
        made.append(1)
        return real(*arguments, **keywords)

    setattr(os, function, counting)
    main(args)


def fresh_destination(folder: Path, files: dict[str, bytes]) -> Path:
    """``folder`` holding just these files (the previous export's)."""
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def visible_files(folder: Path) -> dict[str, bytes]:
    """What a user (or Obsidian) sees: every file but the hidden stages and temporaries."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(STAGE_PREFIX) or p.name.endswith(".tmp"))


def complete_stages(folder: Path) -> list[Path]:
    return [p for p in folder.glob(STAGE_PREFIX + "*") if (p / COMPLETE).exists()]


def check_after_kill(library: Path, dest: Path, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    """Old or new files (or a complete stage the next export finishes); after the next export, no leftovers."""
    seen = visible_files(dest)
    pending = bool(complete_stages(dest))
    assert seen in (old, new) or pending, f"{sum(seen.get(n) == new[n] for n in new)} of {len(new)} files new"
    outcome = "new" if seen == new else "rolled forward" if pending else "old"
    assert main(["--library", str(library), "export", "--format", "md", "--article", "1", "-o", str(dest)]) == 0
    after = visible_files(dest)
    [markdown] = [name for name in after if name.endswith(".md")]
    del after[markdown]
    assert after == (old if outcome == "old" else new)
    assert leftovers(dest) == []
    return outcome
