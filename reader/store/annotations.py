"""Highlights, notes and tags: the SQL behind the annotation pane and the "All annotations" view.

``Annotations`` shares the library's one connection and its ``_write()``
transaction: every public call that changes something is one BEGIN
IMMEDIATE … COMMIT, so once it returns the change is on disk (a process
killed right after loses nothing) and a failure half-way leaves nothing.

Nothing here deletes an annotation on its own: highlights go when the user
deletes them, or with their article when the user's deletion of the article
is made final (``Library.purge_deleted``); re-anchoring only ever updates.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime, timedelta, timezone

from sqlite_utils import Database

from reader.annotate import reanchor_all
from reader.model import COLORS, ArticleNote, Highlight, Section, reading_key
from reader.store.errors import reading_article
from reader.tags import clean_tags, tag_key

WriteTransaction = Callable[[], AbstractContextManager[None]]

COLUMNS = (
    'h.id, h.article_id, h.start, h."end", h.exact, h.prefix, h.suffix, h.color, h.style, h.note, '
    "h.section_path, h.content_hash, h.state, h.created, h.modified"
)
READING_ORDER = "ORDER BY (h.state = 'orphaned'), h.start, h.id"
"""``reader.model.reading_key`` in SQL: placed highlights by start then id, orphans last, ordered alike."""
NEWEST_FIRST = "ORDER BY h.created DESC, h.id DESC"
CHUNK = 500  # ids per IN (...) list


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _row_to_highlight(row: Sequence, tags: list[str]) -> Highlight:
    (id_, article_id, start, end, exact, prefix, suffix, color, style, note,
     section_path, content_hash, state, created, modified) = row
    return Highlight(
        article_id=article_id,
        start=start,
        end=end,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        color=color,
        style=style,
        note=note,
        tags=tags,
        section_path=json.loads(section_path),
        content_hash=content_hash,
        state=state,
        created=created,
        modified=modified,
        id=id_,
    )


def _bound(value: str | date | datetime, upper: bool) -> tuple[str, str]:
    """A date filter as (operator, ISO string) against the UTC ``created`` stamps.

    A day (``date`` or ``"2024-05-01"``) is inclusive at both ends; a moment
    (``datetime`` or a longer ISO string) is compared as is (naive means UTC).
    """
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return ("<=" if upper else ">="), moment.astimezone(timezone.utc).isoformat(timespec="seconds")
    if isinstance(value, date):
        day = value
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        day = date.fromisoformat(value.strip())
    else:
        return ("<=" if upper else ">="), str(value)
    if upper:
        return "<", (day + timedelta(days=1)).isoformat()
    return ">=", day.isoformat()


class Annotations:
    """Highlights (with notes and tags), article notes and article tags.

    >>> library.annotations.add(new_highlight(stored, 10, 42, color="green"))
    Highlight(article_id=1, start=10, end=42, ..., id=1)
    """

    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write

    # highlights

    def add(self, highlight: Highlight) -> Highlight:
        """Store a new highlight; returns it with id, created and modified set.

        A highlight that already has an id (one the user deleted, coming back
        by undo) is stored again under that id, with its old dates.
        """
        return self.add_many([highlight])[0]

    def add_many(self, highlights: Iterable[Highlight]) -> list[Highlight]:
        """Store several highlights in one transaction (an import, or undoing a multiple delete): all or none."""
        highlights = list(highlights)
        for highlight in highlights:
            self._check(highlight)
        now = _now()
        added = []
        with self._write():
            for highlight in highlights:
                added.append(self._insert(highlight, now))
        return added

    def _insert(self, highlight: Highlight, now: str) -> Highlight:
        created = highlight.created or now
        modified = highlight.modified or created
        try:
            cursor = self.db.execute(
                """
                INSERT INTO highlights (id, article_id, start, "end", exact, prefix, suffix, color, style,
                    note, section_path, content_hash, state, created, modified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    highlight.id, highlight.article_id, highlight.start, highlight.end, highlight.exact,
                    highlight.prefix, highlight.suffix, highlight.color, highlight.style, highlight.note,
                    json.dumps(list(highlight.section_path), ensure_ascii=False), highlight.content_hash,
                    highlight.state, created, modified,
                ],
            )
        except sqlite3.IntegrityError as error:
            raise KeyError(
                f"highlight {highlight.id} already exists"
                if "UNIQUE" in str(error)
                else f"article {highlight.article_id} is not in the library"
            ) from error
        highlight_id = cursor.lastrowid
        tags = self._link_tags("highlight_tags", "highlight_id", highlight_id, highlight.tags)
        return dataclasses.replace(highlight, id=highlight_id, created=created, modified=modified, tags=tags)

    def update(self, highlight: Highlight) -> Highlight:
        """Save a changed highlight (colour, style, note, tags, anchors); returns it as stored."""
        self._check(highlight)
        if highlight.id is None:
            raise ValueError("a highlight without an id has not been added yet")
        modified = _now()
        with self._write():
            changed = self.db.execute(
                """
                UPDATE highlights SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, color = ?,
                    style = ?, note = ?, section_path = ?, content_hash = ?, state = ?, modified = ?
                WHERE id = ?
                """,
                [
                    highlight.start, highlight.end, highlight.exact, highlight.prefix, highlight.suffix,
                    highlight.color, highlight.style, highlight.note,
                    json.dumps(list(highlight.section_path), ensure_ascii=False), highlight.content_hash,
                    highlight.state, modified, highlight.id,
                ],
            ).rowcount
            if not changed:
                raise KeyError(f"highlight {highlight.id} is not in the library")
            self.db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", [highlight.id])
            tags = self._link_tags("highlight_tags", "highlight_id", highlight.id, highlight.tags)
            self._forget_unused_tags()
        return dataclasses.replace(highlight, modified=modified, tags=tags)

    def delete(self, highlight_id: int) -> Highlight | None:
        """Delete a highlight (the user's choice); returns it, tags and all, for undo."""
        with self._write():
            highlight = self.get(highlight_id)
            if highlight is None:
                return None
            self.db.execute("DELETE FROM highlights WHERE id = ?", [highlight_id])
            self._forget_unused_tags()
        return highlight

    def get(self, highlight_id: int) -> Highlight | None:
        found = self._select(f"SELECT {COLUMNS} FROM highlights h WHERE h.id = ?", [highlight_id])
        return found[0] if found else None

    def for_article(self, article_id: int) -> list[Highlight]:
        """An article's highlights in reading order; orphans (not in the text) last."""
        with reading_article(article_id):
            return self._select(f"SELECT {COLUMNS} FROM highlights h WHERE h.article_id = ? {READING_ORDER}", [article_id])

    def search(
        self,
        query: str = "",
        color: str | None = None,
        tag: str | None = None,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        has_note: bool | None = None,
        article_id: int | None = None,
    ) -> list[Highlight]:
        """Highlights of live articles matching every filter given, newest first.

        ``query``: each word (split at white space) must occur in the quote or
        the note, in any letter case; words of three letters or more use the
        trigram index, so Chinese needs no segmenter; shorter ones are scanned.
        ``since``/``until`` filter on the day or moment the highlight was made.
        """
        where = ["a.deleted_at IS NULL"]
        parameters: dict[str, object] = {}

        def bind(value: object) -> str:
            name = f"p{len(parameters)}"
            parameters[name] = value
            return ":" + name

        long_words = [w for w in query.split() if len(w) >= 3]
        short_words = [w for w in query.split() if len(w) < 3]
        if long_words:
            phrases = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
            where.append(f"h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH {bind(phrases)})")
        for word in short_words:
            p = bind(word)
            where.append(f"(instr(lower(h.exact), lower({p})) > 0 OR instr(lower(h.note), lower({p})) > 0)")
        if color is not None:
            where.append(f"h.color = {bind(color)}")
        if tag is not None:
            where.append(
                "h.id IN (SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id"
                f" WHERE t.key = {bind(tag_key(tag))})"
            )
        for value, upper in ((since, False), (until, True)):
            if value is not None:
                operator, bound = _bound(value, upper)
                where.append(f"h.created {operator} {bind(bound)}")
        if has_note is not None:
            where.append("h.note != ''" if has_note else "h.note = ''")
        if article_id is not None:
            where.append(f"h.article_id = {bind(article_id)}")
        sql = (
            f"SELECT {COLUMNS} FROM highlights h JOIN articles a ON a.id = h.article_id "
            f"WHERE {' AND '.join(where)} {NEWEST_FIRST}"
        )
        return self._select(sql, parameters)

    def search_article_notes(
        self,
        query: str = "",
        tag: str | None = None,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
    ) -> list[ArticleNote]:
        """Notes on live articles matching every filter given, newest first.

        Each word of ``query`` must occur in the note, in any letter case; an
        article note per article is few enough to scan, Chinese included.
        ``tag`` is one of the article's tags; ``since``/``until`` bound the
        moment the note was last edited.
        """
        where = ["a.deleted_at IS NULL", "trim(n.text) != ''"]
        parameters: list[object] = []
        for word in query.split():
            where.append("instr(lower(n.text), lower(?)) > 0")
            parameters.append(word)
        if tag is not None:
            where.append(
                "n.article_id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                " WHERE t.key = ?)"
            )
            parameters.append(tag_key(tag))
        for value, upper in ((since, False), (until, True)):
            if value is not None:
                operator, bound = _bound(value, upper)
                where.append(f"n.modified {operator} ?")
                parameters.append(bound)
        rows = self.db.execute(
            f"SELECT n.article_id, n.text, n.modified FROM article_notes n JOIN articles a ON a.id = n.article_id "
            f"WHERE {' AND '.join(where)} ORDER BY n.modified DESC, n.article_id DESC",
            parameters,
        ).fetchall()
        return [ArticleNote(article_id, text, tuple(self.article_tags(article_id)), modified)
                for article_id, text, modified in rows]

    # tags and notes

    def all_tags(self) -> list[str]:
        """Every tag in use on a highlight or an article, for completion, alphabetically."""
        return [row[0] for row in self.db.execute("SELECT name FROM tags ORDER BY key").fetchall()]

    def annotated_article_ids(self) -> list[int]:
        """Live articles with a highlight, an article note or article tags, newest first, as the library lists them."""
        rows = self.db.execute(
            """
            SELECT id FROM articles WHERE deleted_at IS NULL AND (
                id IN (SELECT article_id FROM highlights)
                OR id IN (SELECT article_id FROM article_notes WHERE trim(text) != '')
                OR id IN (SELECT article_id FROM article_tags)
            )
            ORDER BY COALESCE(NULLIF(published, ''), added) DESC, id DESC
            """
        ).fetchall()
        return [row[0] for row in rows]

    def article_note(self, article_id: int) -> str:
        with reading_article(article_id):
            row = self.db.execute("SELECT text FROM article_notes WHERE article_id = ?", [article_id]).fetchone()
        return row[0] if row else ""

    def set_article_note(self, article_id: int, text: str) -> None:
        """The note on the article as a whole (Markdown allowed); an empty text removes it."""
        with self._write():
            self._put_article_note(article_id, text)

    def _put_article_note(self, article_id: int, text: str) -> None:
        if text.strip():
            self.db.execute(
                """
                INSERT INTO article_notes (article_id, text, modified) VALUES (?, ?, ?)
                ON CONFLICT(article_id) DO UPDATE SET text = excluded.text, modified = excluded.modified
                """,
                [article_id, text, _now()],
            )
        else:
            self.db.execute("DELETE FROM article_notes WHERE article_id = ?", [article_id])

    def article_tags(self, article_id: int) -> list[str]:
        with reading_article(article_id):
            rows = self.db.execute(
                "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?"
                " ORDER BY at.rowid",
                [article_id],
            ).fetchall()
        return [row[0] for row in rows]

    def set_article_tags(self, article_id: int, tags: Iterable[str]) -> list[str]:
        """Replace the article's tags; returns them as stored (an existing tag keeps its spelling)."""
        with self._write():
            stored = self._put_article_tags(article_id, tags)
            self._forget_unused_tags()
        return stored

    def _put_article_tags(self, article_id: int, tags: Iterable[str]) -> list[str]:
        self.db.execute("DELETE FROM article_tags WHERE article_id = ?", [article_id])
        return self._link_tags("article_tags", "article_id", article_id, tags)

    # imports

    def add_imported(
        self,
        highlights: Iterable[Highlight],
        article_notes: Mapping[int, str] | None = None,
        article_tags: Mapping[int, Iterable[str]] | None = None,
    ) -> list[Highlight]:
        """An annotation file's highlights, article notes and article tags, in one transaction: all or none.

        Notes and tags replace the articles' own (the caller merges them
        first); returns the highlights as stored.
        """
        highlights = list(highlights)
        for highlight in highlights:
            self._check(highlight)
        now = _now()
        with self._write():
            added = [self._insert(highlight, now) for highlight in highlights]
            for article_id, text in (article_notes or {}).items():
                self._put_article_note(article_id, text)
            for article_id, tags in (article_tags or {}).items():
                self._put_article_tags(article_id, tags)
            self._forget_unused_tags()
        return added

    # re-anchoring (inside the caller's transaction)

    def _reanchor_article(
        self, article_id: int, text: str, sections: Sequence[Section], content_hash: str
    ) -> list[Highlight]:
        """Anchor every highlight of an article in its new text and save the result; returns them in reading order."""
        old = self.for_article(article_id)
        new = reanchor_all(old, text, sections=sections, content_hash=content_hash)
        for before, after in zip(old, new):
            if after == before:
                continue
            self.db.execute(
                """
                UPDATE highlights SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, section_path = ?,
                    content_hash = ?, state = ?
                WHERE id = ?
                """,
                [
                    after.start, after.end, after.exact, after.prefix, after.suffix,
                    json.dumps(after.section_path, ensure_ascii=False), after.content_hash, after.state, after.id,
                ],
            )
        return sorted(new, key=reading_key)

    # helpers

    @staticmethod
    def _check(highlight: Highlight) -> None:
        if highlight.color not in COLORS:
            raise ValueError(f"unknown colour {highlight.color!r}; one of {', '.join(COLORS)}")
        if not highlight.exact:
            raise ValueError("a highlight needs the text it highlights (exact)")
        if highlight.state not in (Highlight.ANCHORED, Highlight.MOVED, Highlight.ORPHANED):
            raise ValueError(f"unknown state {highlight.state!r}")

    def _select(self, sql: str, parameters: Sequence | dict) -> list[Highlight]:
        rows = self.db.execute(sql, parameters if isinstance(parameters, dict) else list(parameters)).fetchall()
        tags = self._tags_of([row[0] for row in rows])
        return [_row_to_highlight(row, tags.get(row[0], [])) for row in rows]

    def _tags_of(self, highlight_ids: list[int]) -> dict[int, list[str]]:
        tags: dict[int, list[str]] = {}
        for begin in range(0, len(highlight_ids), CHUNK):
            chunk = highlight_ids[begin : begin + CHUNK]
            rows = self.db.execute(
                "SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id"
                f" WHERE ht.highlight_id IN ({','.join('?' * len(chunk))}) ORDER BY ht.rowid",
                chunk,
            ).fetchall()
            for highlight_id, name in rows:
                tags.setdefault(highlight_id, []).append(name)
        return tags

    def _link_tags(self, table: str, column: str, owner: int, tags: Iterable[str]) -> list[str]:
        """Attach tags (creating new ones) to a highlight or an article; returns their stored names."""
        stored = []
        for name in clean_tags(tags):
            key = tag_key(name)
            row = self.db.execute("SELECT id, name FROM tags WHERE key = ?", [key]).fetchone()
            if row is None:
                tag_id = self.db.execute("INSERT INTO tags (name, key) VALUES (?, ?)", [name, key]).lastrowid
            else:
                tag_id, name = row
            self.db.execute(f"INSERT OR IGNORE INTO {table} ({column}, tag_id) VALUES (?, ?)", [owner, tag_id])
            stored.append(name)
        return stored

    def _forget_unused_tags(self) -> None:
        self.db.execute(
            "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM highlight_tags)"
            " AND id NOT IN (SELECT tag_id FROM article_tags)"
        )
