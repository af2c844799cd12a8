"""``python -m reader``: the core without a window, for scripts, tests and benchmarks.

Output contracts (one JSON object per line) are relied on by bench/ and by
../shared/eval/score.py: keep their keys stable.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reader.annotate import Reanchorer
from reader.annotate.w3c import AnnotationFormatError, Imported, read_annotations
from reader.export import FORMATS, export
from reader.exporting import gather
from reader.importing import import_files, plan_import, tally
from reader.ingest import ExtractError, extract_file
from reader.logs import setup_logging
from reader.model import (
    DEFAULT_MEANINGS, EDITABLE, SORTS, STATES, Article, ArticleSummary, Highlight, ImportOutcome, reading_key,
)
from reader.paths import default_library_path
from reader.reextracting import Reextracted, ReextractReport, reextract
from reader.render import display_date
from reader.store import Library, LibraryError, library_errors
from reader.store.backup import (
    BackupInfo, backup, backup_info, backups_dir, latest_backup, list_backups, restore,
)
from reader.tags import clean_tags


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


def _summary_record(summary: ArticleSummary, tags: list[str]) -> dict:
    return {
        "id": summary.id,
        "title": summary.title,
        "byline": summary.byline,
        "source": summary.source,
        "published": summary.published or None,
        "added": summary.added,
        "url": summary.url,
        "sections": summary.section_count,
        "progress": round(summary.progress, 4),
        "opened": summary.opened,
        "state": summary.state,
        "tags": tags,
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
        print(tally(counts[ImportOutcome.IMPORTED], counts[ImportOutcome.DUPLICATE], counts[ImportOutcome.FAILED],
                    plan.remarks()))
    return 1 if counts[ImportOutcome.FAILED] else 0


def _print_summaries(library: Library, summaries: list[ArticleSummary], as_json: bool) -> None:
    for summary in summaries:
        if as_json:
            _emit(_summary_record(summary, library.annotations.article_tags(summary.id)))
        else:
            print(f"{summary.id:>6}  {display_date(summary.published):<16}  {summary.source[:16]:<16}  {summary.title}")


def _report_unreadable(library: Library) -> int:
    """Name each article a listing had to leave out (the file is damaged there); 1 if any."""
    for article_id in library.unreadable:
        print(f"article {article_id} cannot be read: the library file is damaged there", file=sys.stderr)
    return 1 if library.unreadable else 0


def cmd_list(args: argparse.Namespace, library: Library) -> int:
    descending = SORTS[args.sort] != args.reverse
    _print_summaries(library, library.summaries(args.sort, descending, args.state), args.json)
    return _report_unreadable(library)


def cmd_search(args: argparse.Namespace, library: Library) -> int:
    _print_summaries(library, library.search(args.query), args.json)
    return _report_unreadable(library)


def _published(value: str) -> str:
    """An ISO date or date and time as given, or ``none`` for a page that gives no date."""
    if value.strip().lower() == "none":
        return ""
    try:
        datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date such as 2024-05-01 (or none)") from None
    return value.strip()


def cmd_edit(args: argparse.Namespace, library: Library) -> int:
    """Correct an article's facts (each one given becomes the user's: re-imports keep it) and its state."""
    changes = {name: getattr(args, name) for name in EDITABLE if getattr(args, name) is not None}
    if library.info(args.id) is None:
        print(f"There is no article {args.id} in the library.", file=sys.stderr)
        return 2
    if changes:
        library.edit(args.id, changes)
    if args.state is not None:
        library.set_state(args.id, args.state)
    info = library.info(args.id)
    print(f"{info.id}  {info.title}  ({', '.join(info.user_fields) or 'nothing'} set by you)")
    return 0


def _highlight_record(h: Highlight) -> dict:
    return {
        "id": h.id,
        "article_id": h.article_id,
        "color": h.color,
        "exact": h.exact,
        "prefix": h.prefix,
        "suffix": h.suffix,
        "start": h.start,
        "end": h.end,
        "note": h.note,
        "tags": h.tags,
        "state": h.state,
    }


def cmd_annotations_list(args: argparse.Namespace, library: Library) -> int:
    if args.article is not None:
        highlights = library.annotations.for_article(args.article)
    else:
        highlights = sorted(
            library.annotations.search(),
            key=lambda h: (h.article_id, *reading_key(h)),
        )
    for h in highlights:
        if args.json:
            _emit(_highlight_record(h))
        else:
            quote = " ".join(h.exact.split())
            quote = quote if len(quote) <= 60 else quote[:59] + "…"
            note = f"  — {' '.join(h.note.split())[:60]}" if h.note else ""
            tags = f"  #{' #'.join(h.tags)}" if h.tags else ""
            print(f"{h.id:>6}  {h.article_id:>6}  {h.color:<6}  {h.state:<8}  {quote}{note}{tags}")
    return 0


_STATE_RANK = {Highlight.ANCHORED: 0, Highlight.MOVED: 1, Highlight.ORPHANED: 2}


class _AnnotationImport:
    """Matches imported annotations to articles and anchors them in each article's current text."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._anchorers: dict[int, tuple[str, Reanchorer]] = {}
        self._existing: dict[int, set[tuple]] = {}

    def candidates(self, item: Imported) -> list[int]:
        if item.content_hash is not None:
            found = self.library.find_by_hash(item.content_hash)
            return [found] if found is not None else []
        return self.library.find_by_url(item.source)

    def anchor(self, item: Imported) -> tuple[Highlight | None, str]:
        """The anchored highlight, or None and why not."""
        candidates = self.candidates(item)
        if not candidates:
            return None, f"no article in the library has the source {item.source}"
        results = []
        for article_id in candidates:
            if article_id not in self._anchorers:
                stored = self.library.get(article_id)
                self._anchorers[article_id] = (
                    stored.article.text,
                    Reanchorer(stored.article.text, stored.article.sections, stored.content_hash),
                )
            text, anchorer = self._anchorers[article_id]
            highlight = item.highlight(article_id, text)
            if highlight is not None:
                results.append(anchorer(highlight))
        if not results:
            return None, "its position lies outside the article's text and it has no quote"
        best = min(results, key=lambda h: _STATE_RANK[h.state])
        if best.state == Highlight.ORPHANED and len(results) > 1:
            return None, f"{len(results)} articles have the source {item.source} and the quote is in none of them"
        return best, ""

    def is_duplicate(self, h: Highlight) -> bool:
        if h.article_id not in self._existing:
            self._existing[h.article_id] = {self._identity(e) for e in self.library.annotations.for_article(h.article_id)}
        identity = self._identity(h)
        if identity in self._existing[h.article_id]:
            return True
        self._existing[h.article_id].add(identity)
        return False

    @staticmethod
    def _identity(h: Highlight) -> tuple:
        where = (h.prefix, h.suffix) if h.state == Highlight.ORPHANED else (h.start, h.end)
        return (h.exact, *where, h.note)


def merge_note(existing: str, imported: str) -> str:
    """An article note after an import: the imported text added below, unless the note already holds it."""
    if not imported.strip() or imported.strip() in existing:
        return existing
    return f"{existing.rstrip()}\n\n{imported}" if existing.strip() else imported


class _ArticleNotesImport:
    """Article notes and tags an import brings, merged with each article's own (nothing is lost)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.notes: dict[int, str] = {}
        self.tags: dict[int, list[str]] = {}

    def add(self, article_id: int, item: Imported) -> bool:
        """Merge one whole-article annotation; False when the article already had all of it."""
        note = self.notes.get(article_id, self.library.annotations.article_note(article_id))
        tags = self.tags.get(article_id, self.library.annotations.article_tags(article_id))
        merged_note, merged_tags = merge_note(note, item.note), clean_tags([*tags, *item.tags])
        if merged_note != note:
            self.notes[article_id] = merged_note
        if len(merged_tags) != len(tags):
            self.tags[article_id] = merged_tags
        return merged_note != note or len(merged_tags) != len(tags)


def cmd_annotations_import(args: argparse.Namespace, library: Library) -> int:
    try:
        with open(args.file, encoding="utf-8-sig") as handle:
            items = read_annotations(json.load(handle))
    except (OSError, ValueError) as error:  # unreadable, not JSON, not annotations
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        kind = "" if isinstance(error, (OSError, AnnotationFormatError)) else "not JSON: "
        print(f"{args.file}: {kind}{reason}", file=sys.stderr)
        return 1
    importer = _AnnotationImport(library)
    on_articles = _ArticleNotesImport(library)
    records, to_add = [], []
    for item in items:
        record = {"index": item.index, "id": None, "article_id": None, "state": None, "status": "", "error": None}
        records.append(record)
        if item.error:
            record.update(status="invalid", error=item.error)
            continue
        if item.on_article:
            candidates = importer.candidates(item)
            if len(candidates) != 1:
                error = (f"{len(candidates)} articles have the source {item.source}; a note on the whole article "
                         "needs exactly one" if candidates else f"no article in the library has the source {item.source}")
                record.update(status="unmatched", error=error)
                continue
            record.update(article_id=candidates[0], state="article",
                          status="imported" if on_articles.add(candidates[0], item) else "duplicate")
            continue
        highlight, error = importer.anchor(item)
        if highlight is None:
            record.update(status="unmatched", error=error)
            continue
        record.update(article_id=highlight.article_id, state=highlight.state)
        if importer.is_duplicate(highlight):
            record["status"] = "duplicate"
            continue
        record["status"] = "imported"
        to_add.append((record, highlight))
    # One transaction for the whole file: all of it is saved, or nothing.
    added = library.annotations.add_imported((h for _, h in to_add), on_articles.notes, on_articles.tags)
    for (record, _), highlight in zip(to_add, added):
        record["id"] = highlight.id
    counts = {status: sum(r["status"] == status for r in records)
              for status in ("imported", "duplicate", "unmatched", "invalid")}
    for record in records:
        if args.json:
            _emit(record)
        elif record["error"]:
            print(f"{args.file}: annotation {record['index'] + 1}: {record['error']}", file=sys.stderr)
    if not args.json:
        states = {state: sum(r["state"] == state and r["status"] == "imported" for r in records)
                  for state in (Highlight.ANCHORED, Highlight.MOVED, Highlight.ORPHANED, "article")}
        whole = f", {states['article']} article notes or tags" if states["article"] else ""
        print(
            f"{counts['imported']} imported ({states['anchored']} anchored, {states['moved']} moved, "
            f"{states['orphaned']} orphaned{whole}), {counts['duplicate']} already there, "
            f"{counts['unmatched']} not matched to an article"
            + (f", {counts['invalid']} unreadable" if counts["invalid"] else "")
        )
    return 1 if counts["unmatched"] or counts["invalid"] else 0


def cmd_annotations(args: argparse.Namespace, library: Library) -> int:
    handlers = {"import": cmd_annotations_import, "list": cmd_annotations_list}
    return handlers[args.annotations_command](args, library)


def cmd_export(args: argparse.Namespace, library: Library) -> int:
    meanings = dict(DEFAULT_MEANINGS)
    for item in args.meaning:
        color, _, meaning = item.partition("=")
        meanings[color.strip()] = meaning.strip()
    template = None
    if args.template is not None:
        try:
            template = Path(args.template).read_text(encoding="utf-8")
        except OSError as error:
            print(f"{args.template}: {error.strerror or error}", file=sys.stderr)
            return 1
    if args.article:
        ids = list(dict.fromkeys(args.article))
    elif args.all:
        ids = [summary.id for summary in library.summaries()]
    else:
        ids = library.annotations.annotated_article_ids()
    missing: list[int] = []
    damaged: list[tuple[int, str]] = []
    notes = gather(library, ids, with_images=FORMATS[args.format].images, missing=missing.append,
                   damaged=lambda article_id, reason: damaged.append((article_id, reason)))
    try:
        written = export(notes, args.format, args.output, meanings, template)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        print(f"{args.output}: {reason}", file=sys.stderr)
        return 1
    for article_id in missing:
        print(f"no article {article_id} in the library", file=sys.stderr)
    for article_id, reason in damaged:
        print(f"article {article_id} was not exported: {reason}", file=sys.stderr)
    for path in written:
        print(path)
    return 1 if missing or damaged else 0


def cmd_original(args: argparse.Namespace, library: Library) -> int:
    """Write an article's original main file, byte for byte as it was imported."""
    if library.get(args.id) is None:
        print(f"There is no article {args.id} in the library.", file=sys.stderr)
        return 1
    original = library.original(args.id)
    if original is None:
        print(f"Article {args.id} was imported before Reader kept originals, so it has none; "
              "import its page again to keep it.", file=sys.stderr)
        return 1
    try:
        args.output.write_bytes(original.data)
    except OSError as error:
        print(f"{args.output} could not be written: {error.strerror or error}.", file=sys.stderr)
        return 1
    return 0


def cmd_reextract(args: argparse.Namespace, library: Library) -> int:
    """Read articles again from their originals with this extractor; exits 1 if any failed."""
    ids = [summary.id for summary in library.summaries()] if args.all else args.ids
    report = ReextractReport()
    for outcome in reextract(library, ids, processes=args.processes):
        report.add(outcome)
        if args.json:
            _emit({"id": outcome.article_id, "status": outcome.status, "anchored": outcome.anchored,
                   "moved": outcome.moved, "orphaned": outcome.orphaned, "error": outcome.error or None})
        elif outcome.status == Reextracted.FAILED:
            print(f"article {outcome.article_id}: {outcome.error}", file=sys.stderr)
    if not args.json:
        print(report.sentence())
    return 1 if report.counts.get(Reextracted.FAILED) else 0


def _backup_line(info: BackupInfo) -> str:
    counts = "cannot be read" if info.articles is None else f"{info.articles} articles, {info.highlights} highlights"
    return f"{info.created}  {counts}, {info.size / 1e6:.1f} MB  {info.path}"


def cmd_backup(args: argparse.Namespace, library_path: Path) -> int:
    info = backup(library_path, args.output)
    print(info.path)
    print(f"{info.articles} articles, {info.highlights} highlights, {info.size / 1e6:.1f} MB; integrity checked")
    return 0


def cmd_backups(args: argparse.Namespace, library_path: Path) -> int:
    listed = list_backups(library_path)
    if not listed and not args.json:
        print(f"There are no backups of {library_path} in {backups_dir(library_path)}.")
    for info in listed:
        if args.json:
            _emit({"path": str(info.path), "created": info.created, "articles": info.articles,
                   "highlights": info.highlights, "verified": info.verified, "size": info.size})
        else:
            print(_backup_line(info))
    return 0


def cmd_restore(args: argparse.Namespace, library_path: Path) -> int:
    chosen = latest_backup(library_path) if args.backup == "latest" else backup_info(args.backup)
    if chosen is None:
        raise LibraryError(f"There is no backup of {library_path} to restore (see the backups command).")
    moved = restore(library_path, chosen.path)
    print(f"The old library was moved to {moved}" if moved else f"There was no library at {library_path}")
    print(f"Restored {_backup_line(chosen)}")
    return 0


def on_library_file(args: argparse.Namespace, library_path: Path) -> int:
    """Backup commands work on the file, so they work on a library too damaged to open."""
    handlers = {"backup": cmd_backup, "backups": cmd_backups, "restore": cmd_restore}
    try:
        return handlers[args.command](args, library_path)
    except LibraryError as error:
        print(error, file=sys.stderr)
        return 2


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

    list_ = commands.add_parser("list", help="list the library, newest published first unless sorted")
    list_.add_argument("--json", action="store_true")
    list_.add_argument("--sort", choices=list(SORTS), default="published",
                       help="dates newest first, titles and sources A to Z; undated or unopened last")
    list_.add_argument("--reverse", action="store_true", help="the other way round")
    list_.add_argument("--state", choices=STATES, default=None, help="only articles in this reading state")

    edit = commands.add_parser("edit", help="correct an article's title, author, source, date or URL, or its state",
                               description="A field given here is the user's: importing the page again keeps it.")
    edit.add_argument("id", type=int)
    edit.add_argument("--title")
    edit.add_argument("--byline", help="the author")
    edit.add_argument("--source")
    edit.add_argument("--published", type=_published, metavar="DATE|none")
    edit.add_argument("--url")
    edit.add_argument("--state", choices=STATES)

    search = commands.add_parser("search", help="articles whose title or text contains QUERY")
    search.add_argument("--json", action="store_true")
    search.add_argument("query")

    annotations = commands.add_parser("annotations", help="highlights and notes: import, list")
    actions = annotations.add_subparsers(dest="annotations_command", required=True)
    annotations_import = actions.add_parser(
        "import",
        help="anchor W3C Web Annotation JSON (or a Hypothesis export) in the library's articles",
        description="Each annotation's target source is an article's URL or urn:sha256:<content hash>; "
        "one without a selector is a note and tags on the whole article, added to the article's own. "
        "Exits with 1 if any annotation matches no article.",
    )
    annotations_import.add_argument("--json", action="store_true", help="one JSON object per line per annotation")
    annotations_import.add_argument("file")
    annotations_list = actions.add_parser("list", help="every highlight, by article in reading order")
    annotations_list.add_argument("--json", action="store_true", help="one JSON object per line per highlight")
    annotations_list.add_argument("--article", type=int, default=None, help="only this article's (by id)")

    export_ = commands.add_parser(
        "export",
        help="write highlights and notes as Markdown, HTML, W3C annotation JSON or CSV",
        description="md and html write one file per article into the folder -o; json and csv write the one file -o. "
        "Without --article or --all: every article with highlights or a note. Nothing is written unless all is.",
    )
    export_.add_argument("--format", choices=list(FORMATS), required=True)
    scope = export_.add_mutually_exclusive_group()
    scope.add_argument("--article", type=int, action="append", default=[], help="article id (repeatable)")
    scope.add_argument("--all", action="store_true", help="every article in the library, with notes or not")
    export_.add_argument("--meaning", action="append", default=[], metavar="COLOUR=TEXT",
                         help="what a colour means, e.g. yellow='Main claim' (repeatable; default the window's: yellow='Key point', …)")
    export_.add_argument("--template", default=None, help="Markdown template (default resources/templates/markdown.md)")
    export_.add_argument("-o", "--output", type=Path, required=True)

    original = commands.add_parser("original", help="write the file an article was imported from")
    original.add_argument("id", type=int)
    original.add_argument("-o", "--output", type=Path, required=True)

    reextract_ = commands.add_parser(
        "reextract", help="read articles again from their originals with this version's extractor",
        description="A changed text replaces the old one and the article's highlights re-anchor; "
        "one JSON line per article with --json: id, status (unchanged|updated|no-original|failed), "
        "anchored, moved, orphaned, error. Exits with 1 if any failed.",
    )
    which = reextract_.add_mutually_exclusive_group(required=True)
    which.add_argument("ids", type=int, nargs="*", default=[], metavar="ID")
    which.add_argument("--all", action="store_true", help="every article in the library")
    reextract_.add_argument("--json", action="store_true", help="one JSON object per line per article")
    reextract_.add_argument("--processes", type=int, default=None, help="extraction processes (default: cores)")

    backup_ = commands.add_parser(
        "backup", help="take a verified backup of the library",
        description="A consistent copy (safe while the window is open), integrity-checked before it is kept.",
    )
    backup_.add_argument("-o", "--output", default=None,
                         help="file or folder (default: the backups folder beside the library)")
    backups = commands.add_parser("backups", help="list the library's backups, newest first")
    backups.add_argument("--json", action="store_true",
                         help="one JSON object per line: path, created, articles, highlights, verified, size")
    restore_ = commands.add_parser(
        "restore", help="put a backup in the library's place",
        description="The backup is checked first; the current library is moved aside "
        "(library.sqlite3.damaged-<time>), never deleted.",
    )
    restore_.add_argument("backup", help="a backup file, or 'latest' (the newest readable one)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return cmd_extract(args)
    path = args.library or default_library_path()
    if args.command in ("backup", "backups", "restore"):
        return on_library_file(args, path)
    try:
        library = Library(path)
    except LibraryError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        handlers = {"import": cmd_import, "list": cmd_list, "search": cmd_search, "annotations": cmd_annotations,
                    "export": cmd_export, "edit": cmd_edit, "original": cmd_original, "reextract": cmd_reextract}
        with library_errors(str(path)):
            return handlers[args.command](args, library)
    except LibraryError as error:
        print(error, file=sys.stderr)
        return 2
    except Exception as error:
        return _bug(error)
    finally:
        library.close()


def _bug(error: Exception) -> int:
    """Our own bug: its traceback to the log file, one line to the user."""
    where = setup_logging()
    logging.getLogger("reader.cli").error("uncaught exception", exc_info=error)
    details = f"; the details are in {where}" if where else ""
    print(f"Reader hit a bug ({type(error).__name__}: {error}){details}.", file=sys.stderr)
    return 70
