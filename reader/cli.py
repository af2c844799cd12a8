"""``python -m reader``: the core without a window, for scripts, tests and benchmarks.

Output contracts (one JSON object per line) are relied on by bench/ and by
../shared/eval/score.py: keep their keys stable.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.importing import import_files, plan_import
from reader.ingest import ExtractError, extract_file
from reader.model import Article, ArticleSummary, ImportOutcome
from reader.paths import default_library_path
from reader.store import Library, LibraryError


LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}


def _emit(record: dict) -> None:
    """One JSON object per line; line separators inside strings are escaped so
    that readers splitting on any Unicode line break still see one line."""
    line = json.dumps(record, ensure_ascii=False)
    for raw, escaped in LINE_BREAKS.items():
        line = line.replace(raw, escaped)
    print(line, flush=True)


def _article_record(path: str, article: Article) -> dict:
    return {
        "path": path,
        "format": article.format,
        "encoding": article.encoding,
        "title": article.title,
        "byline": article.byline,
        "source": article.source,
        "published": article.published,
        "url": article.url,
        "language": article.language,
        "sections": [{"title": s.title, "level": s.level} for s in article.sections],
        "text": article.text,
        "markdown": article.markdown,
    }


def _summary_record(summary: ArticleSummary) -> dict:
    return {
        "id": summary.id,
        "title": summary.title,
        "source": summary.source,
        "published": summary.published,
        "url": summary.url,
        "sections": summary.section_count,
    }


def cmd_extract(args: argparse.Namespace) -> int:
    failed = False
    for path in args.paths:
        try:
            article = extract_file(path)
        except ExtractError as error:
            failed = True
            if args.json:
                _emit({"path": path, "error": str(error)})
            else:
                print(f"{path}: {error}", file=sys.stderr)
            continue
        if args.json:
            _emit(_article_record(path, article))
        else:
            print(f"# {article.title}\n")
            print(article.markdown)
    return 1 if failed else 0


def cmd_import(args: argparse.Namespace, library: Library) -> int:
    plan = plan_import(args.paths)
    counts = {ImportOutcome.IMPORTED: 0, ImportOutcome.DUPLICATE: 0, ImportOutcome.FAILED: 0}
    for outcome in import_files(library, plan.files, processes=args.processes):
        counts[outcome.status] += 1
        if args.json:
            _emit(
                {
                    "path": outcome.path,
                    "id": outcome.article_id,
                    "status": outcome.status,
                    "error": outcome.error or None,
                }
            )
        elif outcome.status == ImportOutcome.FAILED:
            print(f"{outcome.path}: {outcome.error}", file=sys.stderr)
    if not args.json:
        print(
            f"{counts['imported']} imported, {counts['duplicate']} already in the library, "
            f"{counts['failed']} failed" + (f", {plan.skipped} other files skipped" if plan.skipped else "")
        )
    return 1 if counts[ImportOutcome.FAILED] else 0


def _print_summaries(summaries: list[ArticleSummary], as_json: bool) -> None:
    for summary in summaries:
        if as_json:
            _emit(_summary_record(summary))
        else:
            print(f"{summary.id:>6}  {summary.published[:16]:<16}  {summary.source[:16]:<16}  {summary.title}")


def cmd_list(args: argparse.Namespace, library: Library) -> int:
    _print_summaries(library.summaries(), args.json)
    return 0


def cmd_search(args: argparse.Namespace, library: Library) -> int:
    _print_summaries(library.search(args.query), args.json)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reader", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--library", type=Path, default=None, help=f"library file (default: {default_library_path()})"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="print the article extracted from saved pages")
    extract.add_argument("--json", action="store_true", help="one JSON object per line per path")
    extract.add_argument("paths", nargs="+")

    import_ = commands.add_parser("import", help="import saved pages and folders into the library")
    import_.add_argument("--json", action="store_true", help="one JSON object per line per input")
    import_.add_argument("--processes", type=int, default=None, help="extraction processes (default: cores)")
    import_.add_argument("paths", nargs="+")

    list_ = commands.add_parser("list", help="list the library, newest first")
    list_.add_argument("--json", action="store_true")

    search = commands.add_parser("search", help="articles whose title or text contains QUERY")
    search.add_argument("--json", action="store_true")
    search.add_argument("query")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return cmd_extract(args)
    try:
        library = Library(args.library or default_library_path())
    except LibraryError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        handlers = {"import": cmd_import, "list": cmd_list, "search": cmd_search}
        return handlers[args.command](args, library)
    finally:
        library.close()
