"""Title and publication-day accuracy against a hand-labelled truth.

bench/truth/titles_dates.jsonl holds, for a seeded sample of the shared
evaluation pages (60 daniel-zh, 50 zyte-en, at most two per site; ``--sample``
prints it again), the headline as the page shows it and the publication day
(``null`` where the page gives none; ``day_also`` lists other defensible days of
ambiguous pages). Each label was decided by reading the raw HTML, not from any
extractor's output.

bench/truth/titles_dates_holdout.jsonl (``--holdout``) is a second sample,
labelled the same way after the rules were written and kept out of their
development: another seed, and no page or site of the first sample (40
daniel-zh, 40 zyte-en; ``--holdout --sample`` prints it; its one daniel page
saved as unreadable mojibake, news.sohu.com_71b0…, is left unlabelled).

bench/truth/titles_dates_fresh.jsonl (``--fresh``) is a third sample, labelled
the same way from the raw pages before any extraction was run on them, after
the plain-text head rules had been written from the misses of the first two
(seed "fresh", no page or site of either; 40 daniel-zh, 40 zyte-en, the
mojibake page again left out and the next draw labelled). Its figures are the
clean measure; look at its misses only to report them, never to write rules.

For every labelled page this runs Reader's extraction in-process on each format
the sets hold (html, mhtml, txt) and prints per set:

- title: exact after NFKC, collapsed whitespace and no whitespace beside CJK
  characters; lenient also counts, after folding case, curly quotes and dashes,
  equality or one containing the other (the shorter at least 5 characters),
  e.g. a headline with the site name still attached; "file name" counts pages
  where Reader found no title and fell back to the file's name;
- date: the right day (the date part of ``Article.published`` as written,
  which is what the window shows), wrong day, no date given; on pages whose
  truth is null, whether Reader gave one anyway;
- byline, where a label gives one (the held-out truth: ``""`` where the page
  names no author): exact after the title's normalising and folding case; the
  same names in another order or joined otherwise ("A, B" for "A and B");
  lenient when one contains the other ("Ann Lee, Staff Writer"); wrong; none
  given; and, on pages naming no one, a byline given anyway.

    .venv/bin/python bench/titles_dates.py [-v] [--sample] [--holdout | --fresh | --truth FILE]

``-v`` lists the misses (id, what was wanted, what came out, the label's comment).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.ingest import ExtractError, extract_bytes  # noqa: E402

SETS = ROOT.parent / "shared" / "eval" / "sets"
TRUTH = ROOT / "bench" / "truth" / "titles_dates.jsonl"
HOLDOUT = ROOT / "bench" / "truth" / "titles_dates_holdout.jsonl"
FRESH = ROOT / "bench" / "truth" / "titles_dates_fresh.jsonl"
SAMPLE = {"daniel-zh": 60, "zyte-en": 50}
HOLDOUT_SAMPLE = {"daniel-zh": 41, "zyte-en": 40}  # one daniel page is mojibake, left unlabelled
PER_SITE = 2
SEED = 3
HOLDOUT_SEED = 11

_CJK = r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
_SPACE_BESIDE_CJK = re.compile(rf"(?<={_CJK})\s+|\s+(?={_CJK})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LENIENT_MIN = 5
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True)
class Label:
    set_base: str
    id: str
    title: str
    day: str | None
    day_also: tuple[str, ...]
    comment: str
    byline: str | None = None


@dataclass(frozen=True)
class Outcome:
    label: Label
    title: str
    day: str | None
    title_verdict: str  # exact | lenient | wrong | file name | none
    day_verdict: str  # right | alt | wrong | missing | extra | none-ok
    published: str = ""
    error: str = ""
    byline: str = ""
    byline_verdict: str = ""  # exact | names | lenient | wrong | missing | extra | none-ok, "" when unlabelled


@dataclass
class SetReport:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)


def normalise(title: str) -> str:
    """The form titles are compared in: NFKC, single spaces, none beside CJK characters."""
    text = " ".join(unicodedata.normalize("NFKC", title).split())
    return _SPACE_BESIDE_CJK.sub("", text)


def folded(title: str) -> str:
    return normalise(title).casefold().translate(_FOLD)


def title_verdict(want: str, got: str, file_name: str = "") -> str:
    w, g = normalise(want), normalise(got)
    if not g:
        return "none"
    if w == g:
        return "exact"
    if file_name and g == normalise(re.sub(r"[-_]+", " ", Path(file_name).stem)):
        return "file name"
    w, g = folded(want), folded(got)
    shorter = min(w, g, key=len)
    if w == g or (len(shorter) >= _LENIENT_MIN and (w in g or g in w)):
        return "lenient"
    return "wrong"


def day_of(published: str) -> str | None:
    match = _DAY.match(published or "")
    return match.group(0) if match else None


def day_verdict(label: Label, got: str | None) -> str:
    if label.day is None:
        return "extra" if got else "none-ok"
    if got is None:
        return "missing"
    if got == label.day:
        return "right"
    return "alt" if got in label.day_also else "wrong"


def load_labels(path: Path = TRUTH) -> list[Label]:
    labels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels.append(Label(row["set_base"], row["id"], row["title"], row["day"],
                                tuple(row.get("day_also", ())), row.get("comment", ""), row.get("byline")))
    return labels


def names(byline: str) -> list[str]:
    """The people a byline names, folded, in order of appearance."""
    return [name for name in re.split(r"\s*(?:[,;&、]|\band\b)\s*|\s+(?=[\u4e00-\u9fff])", folded(byline)) if name]


def byline_verdict(want: str | None, got: str) -> str:
    if want is None:
        return ""
    if not want:
        return "extra" if got else "none-ok"
    if not got:
        return "missing"
    w, g = folded(want), folded(got)
    if w == g:
        return "exact"
    if sorted(names(want)) == sorted(names(got)):
        return "names"
    return "lenient" if w in g or g in w else "wrong"


def manifest_inputs(folder: Path) -> dict[str, Path]:
    rows = (json.loads(line) for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line)
    return {row["id"]: folder / row["input"] for row in rows}


def sets_for(set_base: str) -> list[Path]:
    order = {"html": 0, "mhtml": 1, "txt": 2}
    found = [p for p in SETS.glob(f"dev-{set_base}-*") if (p / "manifest.jsonl").exists()]
    return sorted(found, key=lambda p: order.get(p.name.rsplit("-", 1)[-1], 9))


def score_page(label: Label, path: Path) -> Outcome:
    try:
        article = extract_bytes(path.read_bytes(), path.name)
        title, published, byline, error = article.title, article.published, article.byline, ""
    except ExtractError as exc:
        title, published, byline, error = "", "", "", f"ExtractError: {exc}"
    except Exception as exc:  # noqa: BLE001 - a crash is a miss to report, not a reason to stop the bench
        title, published, byline, error = "", "", "", f"{type(exc).__name__}: {exc}"
    day = day_of(published)
    return Outcome(label, title, day, title_verdict(label.title, title, path.name), day_verdict(label, day),
                   published, error, byline, byline_verdict(label.byline, byline))


def run_set(folder: Path, labels: list[Label]) -> SetReport:
    inputs = manifest_inputs(folder)
    report = SetReport(folder.name)
    for label in labels:
        if label.id in inputs:
            report.outcomes.append(score_page(label, inputs[label.id]))
    return report


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def summary(report: SetReport) -> str:
    titles = Counter(o.title_verdict for o in report.outcomes)
    days = Counter(o.day_verdict for o in report.outcomes)
    n = len(report.outcomes)
    dated = n - days["extra"] - days["none-ok"]
    errors = sum(1 for o in report.outcomes if o.error)
    return "\n".join([*summary_lines(report, titles, days, n, dated, errors), *byline_summary(report)])


def summary_lines(report: SetReport, titles: Counter[str], days: Counter[str], n: int, dated: int,
                  errors: int) -> list[str]:
    return [
        f"{report.name} ({n} pages{f', {errors} failed to extract' if errors else ''})",
        f"  title  exact {percent(titles['exact'], n)}  lenient {percent(titles['exact'] + titles['lenient'], n)}"
        f"   wrong {titles['wrong']}, file name {titles['file name']}, none {titles['none']}",
        f"  day    right {percent(days['right'] + days['alt'], dated)} of {dated}"
        f" ({days['alt']} by day_also)   wrong {days['wrong']}, no date {days['missing']}"
        f"   undated pages given a date: {days['extra']} of {days['extra'] + days['none-ok']}",
    ]


def byline_summary(report: SetReport) -> list[str]:
    """One line on bylines, where the truth labels them."""
    verdicts = Counter(o.byline_verdict for o in report.outcomes if o.byline_verdict)
    if not verdicts:
        return []
    named = sum(verdicts[v] for v in ("exact", "names", "lenient", "wrong", "missing"))
    exact = verdicts["exact"] + verdicts["names"]
    return [f"  byline exact {percent(exact, named)}  lenient {percent(exact + verdicts['lenient'], named)} of {named}"
            f"   wrong {verdicts['wrong']}, none {verdicts['missing']}"
            f"   pages naming no one given a byline: {verdicts['extra']} of {verdicts['extra'] + verdicts['none-ok']}"]


def misses(report: SetReport) -> list[str]:
    lines = []
    for o in report.outcomes:
        note = f"   # {o.label.comment}" if o.label.comment else ""
        if o.error:
            lines.append(f"  {o.label.id}  error: {o.error}")
        if o.title_verdict != "exact":
            lines.append(f"  {o.label.id}  title {o.title_verdict}: want {o.label.title!r} got {o.title!r}{note}")
        if o.day_verdict not in ("right", "none-ok"):
            lines.append(f"  {o.label.id}  day {o.day_verdict}: want {o.label.day} got {o.published or None}{note}")
        if o.byline_verdict not in ("", "exact", "names", "none-ok"):
            lines.append(f"  {o.label.id}  byline {o.byline_verdict}: want {o.label.byline!r} got {o.byline!r}")
    return lines


def site_of(set_base: str, page_id: str, html: Path) -> str:
    """The site a page comes from: in the id for daniel pages, the canonical URL's host for the others."""
    if set_base == "daniel-zh":
        return page_id.split("_")[1]
    head = html.read_bytes()[:200_000].decode("utf-8", "replace")
    match = (re.search(r"<link[^>]*rel=[\"']canonical[\"'][^>]*href=[\"']https?://([^/\"']+)", head)
             or re.search(r"og:url[\"'][^>]*content=[\"']https?://([^/\"']+)", head))
    return match.group(1).removeprefix("www.") if match else "?"


def sample(set_base: str, count: int, seed: int = SEED, exclude: frozenset[str] = frozenset()) -> list[str]:
    """The seeded sample a truth was labelled on: shuffled ids, at most PER_SITE per site,
    none from the pages (nor their sites) in ``exclude``."""
    inputs = manifest_inputs(SETS / f"dev-{set_base}-html")
    ids = list(inputs)
    random.Random(f"{seed}-{set_base}").shuffle(ids)
    excluded_sites = {site_of(set_base, page_id, inputs[page_id]) for page_id in exclude if page_id in inputs}
    taken: list[str] = []
    per_site: Counter[str] = Counter()
    for page_id in ids:
        site = site_of(set_base, page_id, inputs[page_id])
        if page_id not in exclude and site not in excluded_sites and per_site[site] < PER_SITE:
            per_site[site] += 1
            taken.append(page_id)
        if len(taken) == count:
            break
    return sorted(taken)


def sample_ids(set_base: str, count: int, holdout: bool) -> list[str]:
    """The development sample, or the held-out one: another seed, and no page or site of the first."""
    if not holdout:
        return sample(set_base, count)
    development = frozenset(label.id for label in load_labels(TRUTH) if label.set_base == set_base)
    return sample(set_base, count, HOLDOUT_SEED, development)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    parser.add_argument("--sample", action="store_true", help="print the seeded sample of ids and stop")
    parser.add_argument("--holdout", action="store_true",
                        help=f"use the held-out truth ({HOLDOUT.relative_to(ROOT)}) instead of the development one")
    parser.add_argument("--fresh", action="store_true",
                        help=f"use the third truth ({FRESH.relative_to(ROOT)}), labelled after the rules were written")
    parser.add_argument("--truth", type=Path, help="a truth file of your own (same format)")
    args = parser.parse_args()
    if not SETS.exists():
        print(f"skipped: the shared evaluation sets ({SETS}) are not here")
        return
    if args.sample:
        for set_base, count in (HOLDOUT_SAMPLE if args.holdout else SAMPLE).items():
            print("\n".join(f"{set_base} {page_id}" for page_id in sample_ids(set_base, count, args.holdout)))
        return
    labels = load_labels(args.truth or (FRESH if args.fresh else HOLDOUT if args.holdout else TRUTH))
    for set_base in dict.fromkeys(label.set_base for label in labels):
        chosen = [label for label in labels if label.set_base == set_base]
        for folder in sets_for(set_base):
            report = run_set(folder, chosen)
            print(summary(report))
            if args.verbose:
                print("\n".join(misses(report)) or "  no misses")


if __name__ == "__main__":
    main()
