"""Cold start to a mapped window: Reader against a bare PySide6 window, in the same run.

    .venv/bin/python bench/startup.py [--runs 7] [--articles 10000]
    xvfb-run -a -s '-screen 0 1400x900x24' env QT_QPA_PLATFORM=xcb .venv/bin/python bench/startup.py

Each launch is a fresh process (bench/startup_launch.py): a bare window (a
QMainWindow holding a QListView and a QTextBrowser), Reader on an empty library,
and Reader on the synthetic 10,000-article library of bench/export_speed.py
(built once, cached in /tmp, copied into a scratch folder here). The three
take turns, round after round, so a machine that drifts affects all alike.
Reader starts as a returning user's would: its settings name an article half-way
down the list as the last one open. Settings and log go to a scratch folder
(XDG_CONFIG_HOME, XDG_DATA_HOME), never the user's. Prints the median seconds
from spawn to the first exposed paint, the median peak RSS of the window's
process, and each against the bare window. Platform: $QT_QPA_PLATFORM, else offscreen.

``--before DIR`` also runs the Reader of another checkout in the same rounds, for a
before/after on a machine whose speed drifts, e.g.
``git archive 7536269 | tar -x -C /tmp/before && pip install --target /tmp/before/deps sqlite-utils``
then ``--before /tmp/before`` (DIR/deps, if there, goes on its path for what it needs and this one does not).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_speed import CACHE, VERSION, build  # noqa: E402

from reader.store import Library  # noqa: E402

LAUNCHER = Path(__file__).resolve().parent / "startup_launch.py"


def launch(mode: str, scratch: Path, library: Path | None = None, root: Path | None = None) -> dict:
    """One cold start (of the Reader in ``root``, else this checkout's); the launcher's JSON line."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"))
    if root is not None:
        env["READER_ROOT"] = str(root)
        if (root / "deps").is_dir():
            env["PYTHONPATH"] = str(root / "deps")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    extra = ["--library", str(library)] if library is not None else []
    spawned = time.time()
    done = subprocess.run([sys.executable, str(LAUNCHER), mode, repr(spawned), *extra], env=env,
                          capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"{mode} launch failed ({done.returncode}):\n{done.stderr}")
    return json.loads(lines[-1])


def remember_last(scratch: Path, article_id: int | None) -> None:
    """Reader's settings as a returning user leaves them: the last article open (QSettings' INI on Linux)."""
    settings = scratch / "config" / "Reader" / "Reader.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[library]\nlast_article={article_id}\n" if article_id is not None else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--before", type=Path, help="another checkout of Reader to run in the same rounds")
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"library-{args.articles}-v{VERSION}.sqlite3"
    if not cached.exists():
        build(cached, args.articles)
    with tempfile.TemporaryDirectory(prefix="reader-startup-bench-") as folder:
        scratch = Path(folder)
        empty, big = scratch / "empty.sqlite3", scratch / "big.sqlite3"
        Library(empty).close()
        shutil.copyfile(cached, big)
        library = Library(big)
        listing = library.summaries()
        middle = listing[len(listing) // 2].id
        library.close()
        cases = {"bare window": ("bare", None, None, None), "Reader, empty library": ("reader", empty, None, None),
                 f"Reader, {len(listing):,} articles": ("reader", big, middle, None)}
        if args.before:
            cases["before: empty library"] = ("reader", empty, None, args.before)
            cases[f"before: {len(listing):,} articles"] = ("reader", big, middle, args.before)
        results: dict[str, list[dict]] = {name: [] for name in cases}
        for name, (mode, path, last, root) in cases.items():  # one unmeasured start each: page cache, .pyc files
            remember_last(scratch, last)
            launch(mode, scratch, path, root)
        for _ in range(args.runs):
            for name, (mode, path, last, root) in cases.items():
                remember_last(scratch, last)
                results[name].append(launch(mode, scratch, path, root))
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"cold start to a mapped window, median of {args.runs} (QT_QPA_PLATFORM={platform})")
    bare_s = statistics.median(r["seconds"] for r in results["bare window"])
    bare_mb = statistics.median(r["rss_mb"] for r in results["bare window"])
    for name, runs in results.items():
        seconds = statistics.median(r["seconds"] for r in runs)
        rss = statistics.median(r["rss_mb"] for r in runs)
        spread = f"{min(r['seconds'] for r in runs):.2f}-{max(r['seconds'] for r in runs):.2f}"
        loaded = ", ".join(sorted({m for r in runs for m in r["loaded"]})) or "-"
        print(f"  {name:<26} {seconds:5.2f} s ({spread}) {seconds / bare_s:4.1f}x   "
              f"peak RSS {rss:4.0f} MB {rss / bare_mb:4.1f}x   loaded: {loaded}")


if __name__ == "__main__":
    main()
