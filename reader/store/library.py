"""The library: one SQLite file holding every article.

One ``Library`` is one connection, used on the thread that opened it. Every
user action that writes is one transaction, so a failure leaves nothing
half-written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from reader.model import Article, ArticleSummary, Section, StoredArticle
from reader.store.errors import LibraryError
from reader.store.migrations import migrate

BUSY_TIMEOUT_MS = 5000
SUMMARY_COLUMNS = "id, title, source, published, url, added, json_array_length(sections)"
NEWEST_FIRST = "ORDER BY COALESCE(NULLIF(published, ''), added) DESC, id DESC"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _summary(row: tuple) -> ArticleSummary:
    return ArticleSummary(*row)


class Library:
    """Articles in, summaries and articles out.

    >>> library = Library(":memory:")
    >>> article_id, duplicate = library.add(article)
    >>> [s.title for s in library.summaries()]
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = Database(self.path)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            migrate(self.db)
        except sqlite3.DatabaseError as error:
            raise LibraryError(f"The library {self.path} cannot be opened: {error}.") from error
        except OSError as error:
            raise LibraryError(
                f"The library {self.path} cannot be created: {error.strerror or error}."
            ) from error

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction that takes the write lock up front.

        A deferred transaction that reads first and writes later fails at
        once with "database is locked" when another connection wrote in
        between; BEGIN IMMEDIATE waits its turn (busy_timeout) instead.
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.conn.rollback()
            raise
        self.db.execute("COMMIT")

    def add(self, article: Article) -> tuple[int, bool]:
        """Store an article; returns its id and whether it was already there.

        The same content (by hash) is never stored twice. An earlier copy that
        the user deleted comes back as it was, with whatever was attached to it.
        """
        content_hash = article.content_hash
        with self._write():
            existing = self.find_by_hash(content_hash)
            if existing is not None:
                return existing, True
            deleted = self.db.execute(
                "SELECT id FROM articles WHERE content_hash = ? AND deleted_at IS NOT NULL", [content_hash]
            ).fetchone()
            if deleted is not None:
                self.db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", [deleted[0]])
                return deleted[0], False
            cursor = self.db.execute(
                """
                INSERT INTO articles (title, byline, source, published, url, language, format,
                    encoding, path, markdown, text, sections, content_hash, added)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    article.title,
                    article.byline,
                    article.source,
                    article.published,
                    article.url,
                    article.language,
                    article.format,
                    article.encoding,
                    article.path,
                    article.markdown,
                    article.text,
                    json.dumps(
                        [{"title": s.title, "level": s.level, "anchor": s.anchor} for s in article.sections],
                        ensure_ascii=False,
                    ),
                    content_hash,
                    _now(),
                ],
            )
            article_id = cursor.lastrowid
            for name, data in article.images.items():
                self.db.execute(
                    "INSERT INTO article_images (article_id, name, data) VALUES (?, ?, ?)",
                    [article_id, name, data],
                )
        return article_id, False

    def find_by_hash(self, content_hash: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND deleted_at IS NULL", [content_hash]
        ).fetchone()
        return row[0] if row else None

    def get(self, article_id: int) -> StoredArticle | None:
        row = self.db.execute(
            """
            SELECT title, byline, source, published, url, language, format, encoding, path,
                   markdown, text, sections, content_hash, added
            FROM articles WHERE id = ? AND deleted_at IS NULL
            """,
            [article_id],
        ).fetchone()
        if row is None:
            return None
        (title, byline, source, published, url, language, fmt, encoding, path,
         markdown, text, sections, content_hash, added) = row
        article = Article(
            title=title,
            markdown=markdown,
            text=text,
            byline=byline,
            source=source,
            published=published,
            url=url,
            language=language,
            sections=[Section(**s) for s in json.loads(sections)],
            format=fmt,
            encoding=encoding,
            path=path,
        )
        return StoredArticle(id=article_id, article=article, content_hash=content_hash, added=added)

    def image(self, article_id: int, name: str) -> bytes | None:
        row = self.db.execute(
            "SELECT data FROM article_images WHERE article_id = ? AND name = ?", [article_id, name]
        ).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles WHERE deleted_at IS NULL").fetchone()[0]

    def summaries(self) -> list[ArticleSummary]:
        """Every live article, newest first (by publication date, else by import date)."""
        rows = self.db.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE deleted_at IS NULL {NEWEST_FIRST}"
        ).fetchall()
        return [_summary(row) for row in rows]

    def search(self, query: str) -> list[ArticleSummary]:
        """Articles whose title or text contains ``query`` (any language, no segmenter needed)."""
        query = query.strip()
        if not query:
            return self.summaries()
        if len(query) >= 3:
            where = "id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            parameter = '"' + query.replace('"', '""') + '"'
        else:
            where = "(instr(title, ?1) > 0 OR instr(text, ?1) > 0)"
            parameter = query
        rows = self.db.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE deleted_at IS NULL AND {where} {NEWEST_FIRST}",
            [parameter],
        ).fetchall()
        return [_summary(row) for row in rows]

    def delete(self, article_id: int) -> None:
        """Move an article out of the library, where ``restore`` can bring it back."""
        with self._write():
            self.db.execute(
                "UPDATE articles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                [_now(), article_id],
            )

    def restore(self, article_id: int) -> int | None:
        """Undo a deletion; returns the article's id, or None if it is gone for good."""
        with self._write():
            self.db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", [article_id])
        return article_id if self.get(article_id) else None

    def purge_deleted(self) -> int:
        """Forget deleted articles for good, once undo can no longer reach them."""
        with self._write():
            return self.db.execute("DELETE FROM articles WHERE deleted_at IS NOT NULL").rowcount
