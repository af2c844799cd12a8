"""Annotation speed: making a highlight, loading an article's highlights, re-anchoring after a re-import.

    .venv/bin/python bench/annotations.py [--size 1000000] [--highlights 500] [--seed 1]

Prints figures; asserts nothing (targets from issue 4: re-anchoring 500
highlights on a 1 MB article under 1 s, one highlight under 16 ms).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.annotate import Utf16Map, new_highlight, reanchor_all  # noqa: E402
from reader.model import Article, Highlight  # noqa: E402
from reader.store import Library  # noqa: E402

WORDS = (
    "the river city council library reading week rooms quiet hours volunteers restored old maps of harbour "
    "festival evening lanterns north bank wetland birds return spring survey found water cleaner than any year"
).split()
HANZI = "青溪市图书馆举办第三届阅读周活动古籍修复展览吸引了大量市民参观河道治理工程完成后水质明显改善开发区协会理事会在合肥召开"


def sentences(rng: random.Random, chinese_share: float = 0.4) -> list[str]:
    """Two to six sentences, Chinese or English."""
    made = []
    for _ in range(rng.randint(2, 6)):
        if rng.random() < chinese_share:
            start = rng.randrange(len(HANZI) - 20)
            made.append(HANZI[start : start + rng.randint(8, 20)] + "。")
        else:
            made.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize() + ".")
    return made


def paragraph(rng: random.Random, number: int) -> str:
    made = sentences(rng)
    if rng.random() < 0.05:
        made.append("😀")
    return f"{number}. " + " ".join(made)


def article(paragraphs: list[str]) -> Article:
    return Article(
        title="A very long article",
        markdown="\n\n".join(paragraphs),
        text="\n".join(paragraphs),
        url="https://example.com/news/2024/long-article.html",
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="code points of article text")
    parser.add_argument("--highlights", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    paragraphs: list[str] = []
    while sum(len(p) + 1 for p in paragraphs) < args.size:
        paragraphs.append(paragraph(rng, len(paragraphs)))
    old = article(paragraphs)
    print(f"article: {len(old.text):,} code points, {len(paragraphs):,} paragraphs")

    began = time.perf_counter()
    Utf16Map(old.text)
    print(f"Utf16Map of the article: {ms(time.perf_counter() - began)}")

    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "bench.sqlite3")
        article_id, _ = library.add(old)
        stored = library.get(article_id)
        text = stored.article.text

        timings = []
        for _ in range(args.highlights):
            start = rng.randrange(len(text) - 300)
            end = start + rng.randint(10, 200)
            began = time.perf_counter()
            library.annotations.add(new_highlight(stored, start, end, color=rng.choice(["yellow", "green"])))
            timings.append(time.perf_counter() - began)
        timings.sort()
        print(
            f"make one highlight (selectors + section path + one committed transaction): "
            f"median {ms(statistics.median(timings))}, p95 {ms(timings[int(len(timings) * 0.95)])}, "
            f"max {ms(timings[-1])}"
        )

        began = time.perf_counter()
        highlights = library.annotations.for_article(article_id)
        print(f"for_article with {len(highlights)} highlights: {ms(time.perf_counter() - began)}")

        # The new version: a paragraph added at the top, one in twenty paragraphs edited
        # (a word replaced), one in a hundred deleted, two moved to the end.
        new_paragraphs = ["0. A new opening paragraph added by the publisher."] + list(paragraphs)
        for i in range(1, len(new_paragraphs)):
            roll = rng.random()
            if roll < 0.05:
                words = new_paragraphs[i].split(" ")
                words[rng.randrange(len(words))] = rng.choice(WORDS)
                new_paragraphs[i] = " ".join(words)
            elif roll < 0.06:
                new_paragraphs[i] = ""
        new_paragraphs = [p for p in new_paragraphs if p]
        for _ in range(2):
            new_paragraphs.append(new_paragraphs.pop(rng.randrange(1, len(new_paragraphs))))
        new = article(new_paragraphs)

        began = time.perf_counter()
        result = reanchor_all(highlights, new.text, content_hash=new.content_hash)
        pure = time.perf_counter() - began
        print(f"re-anchor {len(highlights)} highlights on the new text (reanchor_all): {ms(pure)}")

        began = time.perf_counter()
        same_id, duplicate = library.add(new)
        whole = time.perf_counter() - began
        assert same_id == article_id and not duplicate
        after = library.annotations.for_article(article_id)
        states = Counter(h.state for h in after)
        print(
            f"re-import through Library.add (new text stored, full-text index rebuilt, highlights re-anchored "
            f"and saved, one transaction): {ms(whole)}"
        )
        reworded = sum(1 for a, b in zip(sorted(highlights, key=lambda h: h.id), sorted(after, key=lambda h: h.id))
                       if b.state != Highlight.ORPHANED and a.exact != b.exact)
        print(f"states after the re-import: {dict(states)} ({reworded} of the moved found by a fuzzy match)")
        findable = [h for h in after if h.state == Highlight.ORPHANED and h.exact in new.text]
        print(f"orphans whose quote is still in the new text (a deleted paragraph's twin): {len(findable)}")
        assert [h.state for h in sorted(result, key=lambda h: h.id)] == [h.state for h in sorted(after, key=lambda h: h.id)]
        library.close()


if __name__ == "__main__":
    main()
