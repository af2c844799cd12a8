"""Hostile files: how long each takes to be answered, and the sentence the user gets.

Every file is built here in a temporary folder: pages declaring
``<meta charset="punycode">`` (Python's punycode decoder is quadratic), a FIFO
and a symlink to /dev/zero named like pages, an MHTML archive of 100,000
parts, a file whose extraction stalls (a test extractor that sleeps) until the
time budget ends it, and a cancel while a worker is stuck on it. Then the
latency of importing one page: through the CLI, through a warm pool (as the
window does) and by extraction in the calling process (the old path for small
batches).

    .venv/bin/python bench/hostile_files.py [BUDGET_SECONDS]
"""

from __future__ import annotations

import base64
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.importing import extract_all, import_files, plan_import, warm_up  # noqa: E402
from reader.ingest import ExtractError, extract_file  # noqa: E402
from reader.store import Library  # noqa: E402
from reader.workers import WorkerPool  # noqa: E402
from tests.ingest.pages import article_html, tiny_png  # noqa: E402
from tests.stalling_extractor import extract_or_stall  # noqa: E402

# A real news page (600 KB) for the latency rows when the shared sets are beside the checkout.
SHARED_PAGE = ROOT.parent / "shared" / "eval" / "sets" / "dev-zyte-en-html" / "zyte-042bb7b5.html"
PAGE = SHARED_PAGE if SHARED_PAGE.exists() else ROOT / "tests" / "fixtures" / "pages" / "field-notes.html"


def punycode_page(folder: Path, size: int) -> Path:
    """A page whose bytes are not UTF-8 and whose last '-' is followed by ``size`` letters."""
    path = folder / f"punycode-{size // 1000}k.html"
    path.write_bytes(b'<html><head><meta charset="punycode"><title>Caf\xe9</title></head><body>'
                     b"<article><p>Le caf\xe9 cr\xe8me de la gare \xe9tait servi \xe0 l'heure.</p><p>-"
                     + b"abcdefghij" * (size // 10))
    return path


def many_parts(folder: Path, count: int) -> Path:
    boundary = "----MultipartBoundary--bench----"
    png = base64.encodebytes(tiny_png())
    head = (f'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.com/p\r\nMIME-Version: 1.0\r\n'
            f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"\r\n\r\n'
            f"--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Location: https://example.com/p\r\n\r\n")
    image = ("--{b}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
             "Content-Location: https://example.com/img/{n}.png\r\n\r\n")
    path = folder / f"parts-{count}.mhtml"
    path.write_bytes(b"".join([head.encode(), article_html("img/5.png").encode(), b"\r\n",
                               *(image.format(b=boundary, n=n).encode() + png for n in range(count)),
                               f"--{boundary}--\r\n".encode()]))
    return path


def said(result: object) -> str:
    if isinstance(result, str):
        return result
    if isinstance(result, BaseException):
        return str(result)
    return f"read: {result.title!r}, {len(result.text):,} characters, {len(result.images)} images"


def timed(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    try:
        result = work()
    except ExtractError as error:
        result = error
    return time.perf_counter() - started, result


def row(name: str, seconds: float, sentence: str) -> None:
    print(f"{name:<44} {seconds:8.2f} s   {sentence}", flush=True)


def import_sentence(library: Library, paths: list[Path]) -> str:
    plan = plan_import(paths)
    outcomes = list(import_files(library, plan.files, processes=1))
    failed = [f"{Path(o.path).name}: {o.error}" for o in outcomes if o.status == "failed"]
    imported = sum(o.status != "failed" for o in outcomes)
    return "; ".join([f"{imported} imported, {len(failed)} failed", *failed, *plan.remarks()])


def hostile_rows(folder: Path, budget: float) -> None:
    for size in (200_000, 3_000_000):
        path = punycode_page(folder, size)
        seconds, result = timed(lambda: extract_file(path))
        row(f"punycode page, {size // 1000:,} KB", seconds, said(result))
    library = Library(folder / "lib.sqlite3")
    pages = folder / "saved"
    pages.mkdir()
    (pages / "page.html").write_bytes(PAGE.read_bytes())
    os.mkfifo(pages / "x.html")
    (pages / "zero.html").symlink_to("/dev/zero")
    seconds, result = timed(lambda: import_sentence(library, [pages]))
    row("folder: a page, a FIFO, a /dev/zero symlink", seconds, said(result))
    for name in ("x.html", "zero.html"):
        seconds, result = timed(lambda: extract_file(pages / name))
        row(f"named explicitly: {name}", seconds, said(result))
    library.close()
    path = many_parts(folder, 100_000)
    seconds, result = timed(lambda: extract_file(path))
    row("MHTML of 100,000 parts", seconds, said(result))
    stall = folder / "stall.md"
    stall.write_text("# A page\n\nThat never finishes.", encoding="utf-8")
    seconds, result = timed(lambda: list(extract_all([stall], processes=1, extract=extract_or_stall, budget=budget)))
    row(f"stalled extraction, budget {budget:g} s", seconds, said(result[0][1]))
    row("cancel while a worker is stuck", cancel_latency(stall), "cancelled")


def cancel_latency(stall: Path) -> float:
    cancel, done = threading.Event(), threading.Event()
    stopped: list[float] = []

    def run() -> None:
        list(extract_all([stall, stall], processes=2, cancelled=cancel.is_set, extract=extract_or_stall))
        stopped.append(time.perf_counter())
        done.set()

    threading.Thread(target=run, daemon=True).start()
    time.sleep(3)  # both workers have started and are stuck
    asked = time.perf_counter()
    cancel.set()
    done.wait(60)
    return stopped[0] - asked


def latency_rows(folder: Path) -> None:
    page = folder / "one.html"
    page.write_bytes(PAGE.read_bytes())

    def cli() -> None:
        library = folder / "cli.sqlite3"
        library.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "reader", "--library", str(library), "import", str(page)],
                       cwd=ROOT, check=True, capture_output=True)

    print(f"one page: {PAGE.name}, {PAGE.stat().st_size // 1000} KB")
    row("one page, CLI import (median of 5)", median(cli), "whole command")
    with WorkerPool(os.cpu_count() or 1, warm_up) as pool:
        assert pool.ready is not None
        pool.ready.result()
        library = Library(folder / "warm.sqlite3")
        row("one page through a warm pool (median of 5)", median(lambda: once(library, page, pool)), "the window's path")
        library.close()
    extract_file(page)
    row("one page extracted in-process (median of 5)", median(lambda: extract_file(page)), "the old path, < 16 files")


def once(library: Library, page: Path, pool: WorkerPool) -> None:
    [outcome] = import_files(library, [page], pool=pool)
    library.delete(outcome.article_id)
    library.purge_deleted()


def median(work: Callable[[], object], rounds: int = 5) -> float:
    return statistics.median(timed(work)[0] for _ in range(rounds))


def main() -> None:
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    with tempfile.TemporaryDirectory() as tmp:
        hostile_rows(Path(tmp), budget)
        latency_rows(Path(tmp))


if __name__ == "__main__":
    main()
