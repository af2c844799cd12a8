"""The library: one SQLite file holding every article.

One ``Library`` is one connection, used on the thread that opened it. Every
user action that writes is one transaction, so a failure leaves nothing
half-written.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlite_utils import Database

from reader.model import (
    EDITABLE, READ, READING, SORTS, STATES, UNREAD, Article, ArticleInfo, ArticleSummary, Highlight, Original, Section,
    StoredArticle,
)
from reader.store import originals
from reader.store.annotations import Annotations
from reader.store.errors import LibraryError, is_damage, reading_article
from reader.store.migrations import migrate, refuse_newer
from reader.urls import site_host, split_web_url

BUSY_TIMEOUT_MS = 5000
SUMMARY_COLUMNS = (
    "id, title, source, published, url, added, json_array_length(sections), COALESCE(progress, 0), opened,"
    " COALESCE(state, 'unread') AS state, byline"
)
SUMMARY_NAMES = ("id", "title", "source", "published", "url", "added", "sections", "progress", "opened", "state",
                 "byline")
LISTED = "articles LEFT JOIN reading ON reading.article_id = articles.id"
FINISHED = 0.995
"""Progress from which an article counts as read to the end (the list's "Read")."""
SortKey = Callable[[str], object]
USER_TITLED = "user_fields LIKE '%\"title\"%'"
"""The articles whose title the user corrected (the condition of their partial index)."""
TRASH_KEEPS = timedelta(days=30)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _summary(row: tuple) -> ArticleSummary:
    return ArticleSummary(*row)


def _order_by(sort: str, descending: bool) -> str:
    """The SQL order of a listing. A page without a date, or never opened, comes after all the others
    either way: it has none, it is not as old or as new as its import. Titles and sources are ordered
    afterwards in Python (``_collated``): SQLite cannot collate Chinese by pinyin."""
    way = "DESC" if descending else "ASC"
    if sort == "added":
        return f"ORDER BY added {way}, id {way}"
    if sort == "opened":
        return f"ORDER BY opened IS NULL, opened {way}, id {way}"
    return f"ORDER BY published = '', published {way}, added {way}, id {way}"


def _collated(summaries: list[ArticleSummary], sort: str, descending: bool,
              key: SortKey | None) -> list[ArticleSummary]:
    """Titles or sources in the caller's collation (the window passes its locale's); empty ones last.

    Ties keep the SQL order (newest published first), as Python's sort is stable.
    """
    if sort not in ("title", "source"):
        return summaries
    collate = key or str.casefold
    named = [s for s in summaries if getattr(s, sort).strip()]
    unnamed = [s for s in summaries if not getattr(s, sort).strip()]
    return sorted(named, key=lambda s: collate(getattr(s, sort).strip()), reverse=descending) + unnamed


_HOME_PAGE = re.compile(r"/*(index|default|home)(\.(html?|php|aspx?|jsp))?", re.IGNORECASE)


def page_key(url: str) -> tuple[str, str, str] | None:
    """What identifies one page by its address, or None for an address many pages share.

    ``http``/``https``, a leading ``www.``, a default port, a trailing slash
    and the fragment do not matter. A site's root (``https://www.yybnet.net/``)
    or its index page names no article: pages whose saved address is the
    site's home are different articles, whatever their titles.
    """
    parts = split_web_url(url)
    if parts is None:
        return None
    path = parts.path.rstrip("/")
    if not parts.query and (not path or _HOME_PAGE.fullmatch(path)):
        return None
    host = site_host(parts)
    if parts.port not in (None, 80, 443):
        host = f"{host}:{parts.port}"
    return host, path, parts.query


def _sections_json(sections: list[Section]) -> str:
    return json.dumps([{"title": s.title, "level": s.level, "anchor": s.anchor} for s in sections], ensure_ascii=False)


class Library:
    """Articles in, summaries and articles out.

    >>> library = Library(":memory:")
    >>> article_id, duplicate = library.add(article)
    >>> [s.title for s in library.summaries()]
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.unreadable: list[int] = []
        """Articles the last listing or search could not read: the file is damaged there."""
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = Database(self.path)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys = ON")
            refuse_newer(self.db)
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            migrate(self.db)
            # A few pages down to the newest article: enough to find a file that is damaged at its root,
            # before a window is built on it. Damage elsewhere is met, and contained, where it is read.
            self.db.execute("SELECT max(id) FROM articles").fetchone()
            self.annotations = Annotations(self.db, self._write)
        except LibraryError:
            self._close_after_failure()
            raise
        except sqlite3.DatabaseError as error:
            self._close_after_failure()
            raise LibraryError(f"The library {self.path} cannot be opened: {error}.") from error
        except OSError as error:
            raise LibraryError(
                f"The library {self.path} cannot be created: {error.strerror or error}."
            ) from error

    def close(self) -> None:
        self.db.close()

    def _close_after_failure(self) -> None:
        """Let go of the file a failed open holds, so it can be moved aside or restored."""
        if hasattr(self, "db"):
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
            self.db.execute("COMMIT")
        except BaseException as error:
            self.db.conn.rollback()
            if isinstance(error, sqlite3.DatabaseError) and is_damage(error):
                raise LibraryError(
                    f"The library {self.path} is damaged where this change goes ({error}); nothing was changed."
                ) from error
            raise

    def add(self, article: Article) -> tuple[int, bool]:
        """Store an article; returns its id and whether it was already there.

        The same content (by hash) is never stored twice. The same article
        in a new version (same specific URL and same title; never a site's
        home address) replaces the old text in place, and its highlights
        re-anchor in the same transaction: that counts as imported, not as a
        duplicate. An earlier copy that the user deleted comes back as it
        was, with whatever was attached to it.
        """
        content_hash = article.content_hash
        with self._write():
            existing = self.find_by_hash(content_hash)
            if existing is not None:
                if article.original is not None and not originals.has_original(self.db, existing):
                    self._keep_source(existing, article)  # came in before originals were kept
                return existing, True
            same = self._same_article(article, deleted=False)
            if same is not None:
                self._replace_text(same, article)
                return same, False
            deleted = self.db.execute(
                "SELECT id FROM articles WHERE content_hash = ? AND deleted_at IS NOT NULL", [content_hash]
            ).fetchone()
            if deleted is not None:
                self.db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", [deleted[0]])
                return deleted[0], False
            same = self._same_article(article, deleted=True)
            if same is not None:
                self.db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", [same])
                self._replace_text(same, article)
                return same, False
            cursor = self.db.execute(
                """
                INSERT INTO articles (title, byline, source, published, url, language, format,
                    encoding, path, markdown, text, sections, content_hash, added, html, render_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                    _sections_json(article.sections),
                    content_hash,
                    _now(),
                    article.html,
                    article.render_version,
                ],
            )
            article_id = cursor.lastrowid
            self._store_images(article_id, article)
            self._keep_source(article_id, article)
        return article_id, False

    def replace_text(self, article_id: int, article: Article) -> list[Highlight]:
        """Give an article a new version of its body ("Re-import from file…", a better extractor).

        Text, Markdown, sections, images and metadata are replaced (an empty
        title or URL keeps the old one, a fact the user corrected is kept) and the article's highlights
        re-anchor, all in one transaction. Returns the highlights in reading
        order, each anchored, moved or orphaned; none is ever dropped.
        """
        with self._write():
            return self._replace_text(article_id, article)

    def _replace_text(self, article_id: int, article: Article) -> list[Highlight]:
        row = self.db.execute(
            f"SELECT {', '.join(EDITABLE)}, user_fields FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise KeyError(f"article {article_id} is not in the library")
        stored, users = dict(zip(EDITABLE, row)), json.loads(row[-1])
        title, url = article.title or stored["title"], article.url or stored["url"]
        content_hash = Article(title=title, markdown="", text=article.text).content_hash
        facts = {"title": title, "byline": article.byline, "source": article.source, "published": article.published,
                 "url": url}
        facts.update({name: stored[name] for name in users})  # what the user corrected stays
        self._refuse_clash(content_hash, article_id)
        self.db.execute(
            """
            UPDATE articles SET title = ?, byline = ?, source = ?, published = ?, url = ?, language = ?,
                format = ?, encoding = ?, path = ?, markdown = ?, text = ?, sections = ?, content_hash = ?,
                html = ?, render_version = ?
            WHERE id = ?
            """,
            [
                *facts.values(), article.language,
                article.format, article.encoding, article.path, article.markdown, article.text,
                _sections_json(article.sections), content_hash, article.html, article.render_version, article_id,
            ],
        )
        self.db.execute("DELETE FROM article_images WHERE article_id = ?", [article_id])
        self._store_images(article_id, article)
        self._keep_source(article_id, article)
        return self.annotations._reanchor_article(article_id, article.text, article.sections, content_hash)

    def _refuse_clash(self, content_hash: str, article_id: int) -> None:
        clash = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND deleted_at IS NULL AND id != ?",
            [content_hash, article_id],
        ).fetchone()
        if clash is not None:
            raise LibraryError(
                f"This text is already in the library as another article (number {clash[0]}); "
                "nothing was changed."
            )

    def store_rendering(self, article_id: int, rendered_from: Article, fresh: Article) -> list[Highlight] | None:
        """Store a new rendering of an article's own Markdown (a newer renderer made ``fresh``'s
        html, text, sections and render_version from ``rendered_from``, the article as read).

        Nothing else of the article changes. When the text changed, its highlights re-anchor in the
        same transaction, and are returned; None when the article is no longer the one rendered (it
        was re-imported, rendered again or deleted meanwhile: nothing is written).
        """
        with self._write():
            row = self.db.execute(
                "SELECT title, text FROM articles WHERE id = ? AND markdown = ? AND render_version = ?",
                [article_id, rendered_from.markdown, rendered_from.render_version],
            ).fetchone()
            if row is None:
                return None
            title, text = row
            content_hash = Article(title=title, markdown="", text=fresh.text).content_hash
            if fresh.text != text:
                self._refuse_clash(content_hash, article_id)
            self.db.execute(
                "UPDATE articles SET html = ?, text = ?, sections = ?, content_hash = ?, render_version = ? WHERE id = ?",
                [fresh.html, fresh.text, _sections_json(fresh.sections), content_hash, fresh.render_version,
                 article_id],
            )
            if fresh.text == text:
                return self.annotations.for_article(article_id)
            return self.annotations._reanchor_article(article_id, fresh.text, fresh.sections, content_hash)

    def _keep_source(self, article_id: int, article: Article) -> None:
        """Record what the article was extracted from, and by which extractor, in the caller's transaction."""
        if article.original is not None:
            originals.keep(self.db, article_id, article.original)
        if article.extractor_version:
            self._record_version(article_id, article.extractor_version)

    def set_extractor_version(self, article_id: int, version: int) -> None:
        """Record that ``version`` of the extractor read the article again and found the same text."""
        with self._write():
            self._record_version(article_id, version)

    def _record_version(self, article_id: int, version: int) -> None:
        self.db.execute(
            "INSERT INTO extraction (article_id, version) VALUES (?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET version = excluded.version",
            [article_id, version],
        )

    def extractor_version(self, article_id: int) -> int:
        """The extractor version that made the article's text; 0 for one from before versions were kept."""
        row = self.db.execute("SELECT version FROM extraction WHERE article_id = ?", [article_id]).fetchone()
        return row[0] if row else 0

    def original(self, article_id: int) -> Original | None:
        """The files the article was extracted from, or None if it came in before originals were kept."""
        with reading_article(article_id):
            return originals.load(self.db, article_id)

    def originals_size(self) -> tuple[int, int]:
        """(raw bytes, compressed bytes) of every original the library keeps."""
        return originals.stored_size(self.db)

    def _store_images(self, article_id: int, article: Article) -> None:
        for name, data in article.images.items():
            self.db.execute(
                "INSERT INTO article_images (article_id, name, data) VALUES (?, ?, ?)",
                [article_id, name, data],
            )

    def _same_article(self, article: Article, deleted: bool) -> int | None:
        """A stored article that ``article`` is a new version of: same specific URL, same title (or a title
        the user corrected, which the page no longer carries)."""
        key = page_key(article.url)
        if key is None or not article.title.strip():
            return None
        rows = self.db.execute(
            f"SELECT id, url FROM articles WHERE deleted_at IS {'NOT ' if deleted else ''}NULL AND id IN"
            f" (SELECT id FROM articles WHERE title = ? UNION SELECT id FROM articles WHERE {USER_TITLED})"
            " ORDER BY id DESC",
            [article.title],
        ).fetchall()
        return next((article_id for article_id, url in rows if page_key(url) == key), None)

    def find_by_hash(self, content_hash: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND deleted_at IS NULL", [content_hash]
        ).fetchone()
        return row[0] if row else None

    def find_by_url(self, url: str) -> list[int]:
        """Live articles saved from ``url`` (the same page however its address is spelt), newest first.

        A site's home address may name many articles: all of them are returned.
        """
        url = url.strip()
        if not url:
            return []
        key = page_key(url)
        rows = self.db.execute("SELECT id, url FROM articles WHERE deleted_at IS NULL AND url != '' ORDER BY id DESC")
        return [article_id for article_id, stored in rows if stored.strip() == url or (key and page_key(stored) == key)]

    def get(self, article_id: int) -> StoredArticle | None:
        """The live article with this id, or None; ``DamagedArticle`` if its row cannot be read."""
        with reading_article(article_id):
            return self._get(article_id)

    def _get(self, article_id: int) -> StoredArticle | None:
        row = self.db.execute(
            """
            SELECT title, byline, source, published, url, language, format, encoding, path,
                   markdown, text, sections, content_hash, added, html, render_version,
                   COALESCE(position, 0), COALESCE(progress, 0), opened
            FROM articles LEFT JOIN reading ON reading.article_id = articles.id
            WHERE id = ? AND deleted_at IS NULL
            """,
            [article_id],
        ).fetchone()
        if row is None:
            return None
        (title, byline, source, published, url, language, fmt, encoding, path,
         markdown, text, sections, content_hash, added, html, render_version, position, progress, opened) = row
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
            html=html,
            render_version=render_version,
        )
        return StoredArticle(id=article_id, article=article, content_hash=content_hash, added=added,
                             position=position, progress=progress, opened=opened)

    def set_position(self, article_id: int, offset: int, progress: float, begun: bool | None = None) -> None:
        """Remember where the reader is in an article: ``offset`` is the first character in view
        (code points into its text), ``progress`` how far through it the last one is (0..1).

        One small transaction, written often (as scrolling settles); an article that is gone is left alone.
        The state follows the reader forward only when the place moved: ``begun`` (scrolled past the first
        screen, as the window tells; by default, away from the top), an unread article is being read;
        reaching the end, it is read. A place saved again unchanged (on switching
        articles) leaves a state the user chose by hand alone.
        """
        with self._write():
            self.db.execute(
                f"""
                INSERT INTO reading (article_id, position, progress, opened, state)
                SELECT id, :offset, :progress, :now,
                    CASE WHEN :progress >= {FINISHED} THEN '{READ}' WHEN :begun THEN '{READING}'
                    ELSE '{UNREAD}' END
                FROM articles WHERE id = :id
                ON CONFLICT (article_id) DO UPDATE
                SET position = excluded.position, progress = excluded.progress, opened = excluded.opened,
                    state = CASE
                        WHEN excluded.progress >= {FINISHED} AND reading.progress < {FINISHED} THEN '{READ}'
                        WHEN reading.state = '{UNREAD}' AND :begun
                             AND excluded.position != reading.position THEN '{READING}'
                        ELSE reading.state END
                """,
                {"offset": max(0, offset), "progress": min(max(progress, 0.0), 1.0), "now": _now(), "id": article_id,
                 "begun": offset > 0 if begun is None else begun},
            )

    def set_state(self, article_id: int, state: str) -> None:
        """Mark an article unread, being read or read (by hand: Article ▸ Mark as Read, ``edit --state``)."""
        if state not in STATES:
            raise ValueError(f"unknown state {state!r}")
        with self._write():
            self.db.execute(
                """
                INSERT INTO reading (article_id, state) SELECT id, ? FROM articles WHERE id = ?
                ON CONFLICT (article_id) DO UPDATE SET state = excluded.state
                """,
                [state, article_id],
            )

    def state(self, article_id: int) -> str:
        """An article's reading state (``UNREAD`` for one never opened or no longer there)."""
        row = self.db.execute("SELECT state FROM reading WHERE article_id = ?", [article_id]).fetchone()
        return row[0] if row else UNREAD

    def info(self, article_id: int) -> ArticleInfo | None:
        """The editable facts of a live article, and which of them the user set."""
        with reading_article(article_id):
            row = self.db.execute(
                f"SELECT {', '.join(EDITABLE)}, user_fields FROM articles WHERE id = ? AND deleted_at IS NULL",
                [article_id],
            ).fetchone()
        if row is None:
            return None
        return ArticleInfo(article_id, *row[:-1], user_fields=tuple(json.loads(row[-1])))

    def edit(self, article_id: int, changes: dict[str, str]) -> ArticleInfo:
        """Correct some of an article's facts; each one changed is the user's from now on.

        Returns the facts as they were, for ``put_info`` to undo. The content hash is left as imported,
        so importing the same page again is still recognised.
        """
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"these cannot be edited: {', '.join(sorted(unknown))}")
        before = self.info(article_id)
        if before is None:
            raise KeyError(f"article {article_id} is not in the library")
        values = {**before.values(), **{name: value.strip() for name, value in changes.items()}}
        user = tuple(name for name in EDITABLE if name in before.user_fields or name in changes)
        self.put_info(ArticleInfo(article_id, **values, user_fields=user))
        return before

    def put_info(self, info: ArticleInfo) -> None:
        """Set an article's facts and which are the user's exactly as ``info`` has them (undo of ``edit``)."""
        with self._write():
            self.db.execute(
                f"UPDATE articles SET {', '.join(f'{name} = ?' for name in EDITABLE)}, user_fields = ? WHERE id = ?",
                [*info.values().values(), json.dumps(list(info.user_fields)), info.id],
            )

    def images(self, article_id: int) -> dict[str, bytes]:
        """All of an article's stored images, by the name its Markdown uses."""
        with reading_article(article_id):
            rows = self.db.execute("SELECT name, data FROM article_images WHERE article_id = ?", [article_id])
            return dict(rows.fetchall())

    def image(self, article_id: int, name: str) -> bytes | None:
        with reading_article(article_id):
            row = self.db.execute(
                "SELECT data FROM article_images WHERE article_id = ? AND name = ?", [article_id, name]
            ).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles WHERE deleted_at IS NULL").fetchone()[0]

    def summaries(self, sort: str = "published", descending: bool | None = None, state: str | None = None,
                  key: SortKey | None = None) -> list[ArticleSummary]:
        """Every live article (of ``state``, if given), in the order ``sort`` (one of ``SORTS``).

        ``descending`` defaults to the sort's usual way (dates newest first, names A to Z);
        ``key`` collates titles and sources (default: case-folded code points).
        """
        return self.search("", sort, descending, state, key)

    def search(self, query: str, sort: str = "published", descending: bool | None = None,
               state: str | None = None, key: SortKey | None = None) -> list[ArticleSummary]:
        """Articles whose title or text contains ``query`` (any language, no segmenter needed), as ``summaries``."""
        if sort not in SORTS:
            raise ValueError(f"unknown sort {sort!r}")
        if state is not None and state not in STATES:
            raise ValueError(f"unknown state {state!r}")
        descending = SORTS[sort] if descending is None else descending
        where, parameters, row_where, row_parameters = "", [], "", []
        query = query.strip()
        if query:
            contains = "AND (instr(title, ?) > 0 OR instr(text, ?) > 0)"
            row_where, row_parameters = contains, [query, query]
            if len(query) < 3:
                where, parameters = contains, [query, query]
            else:
                where = "AND id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                parameters = ['"' + query.replace('"', '""') + '"']
        if state is not None:
            where, row_where = f"{where} AND COALESCE(state, 'unread') = ?", f"{row_where} AND COALESCE(state, 'unread') = ?"
            parameters, row_parameters = [*parameters, state], [*row_parameters, state]
        order = _order_by(sort, descending)
        summaries = self._listing(where, parameters, row_where, row_parameters, order)
        return _collated(summaries, sort, descending, key)

    def _listing(self, where: str, parameters: list, row_where: str, row_parameters: list,
                 order: str) -> list[ArticleSummary]:
        """Live articles matching ``where`` in ``order``; on a damaged file, all that can be read.

        ``row_where`` is the same condition for one row at a time (the
        full-text index may be what is damaged). ``unreadable`` names the
        articles the salvage could not read.
        """
        self.unreadable = []
        try:
            rows = self.db.execute(
                f"SELECT {SUMMARY_COLUMNS} FROM {LISTED} WHERE deleted_at IS NULL {where} {order}", parameters
            ).fetchall()
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            rows = self._salvage(row_where, row_parameters, order)
        return [_summary(row) for row in rows]

    def _salvage(self, row_where: str, parameters: list, order: str) -> list[tuple]:
        """Read the list one article at a time, past the pages that fail, in the usual order."""
        try:
            last = self.db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
        except sqlite3.DatabaseError as error:
            raise LibraryError(
                f"The library {self.path} is damaged: its list of articles cannot be read ({error}). "
                "Restore it from a backup."
            ) from error
        rows = []
        for article_id in range(1, last + 1):
            try:
                row = self.db.execute(
                    f"SELECT {SUMMARY_COLUMNS} FROM {LISTED} WHERE id = ? AND deleted_at IS NULL {row_where}",
                    [article_id, *parameters],
                ).fetchone()
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    raise
                self.unreadable.append(article_id)
                continue
            if row is not None:
                rows.append(row)
        # Ordered by the same ORDER BY as an intact listing, over the rows read.
        columns = ", ".join(f"json_extract(value, '$[{n}]') AS {name}" for n, name in enumerate(SUMMARY_NAMES))
        return self.db.execute(
            f"SELECT {columns} FROM json_each(?) {order}", [json.dumps(rows, ensure_ascii=False)]
        ).fetchall()

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

    def purge_deleted(self, older_than: timedelta = TRASH_KEEPS) -> int:
        """Forget articles deleted longer ago than ``older_than`` for good; returns how many.

        Never at once on close: another process with the library open (a
        window of an older Reader, a script) may still undo a deletion, and
        a deleted article comes back as it was when its page is imported again.
        """
        cutoff = (datetime.now(timezone.utc) - older_than).isoformat(timespec="seconds")
        with self._write():
            purged = self.db.execute(
                "DELETE FROM articles WHERE deleted_at IS NOT NULL AND deleted_at <= ?", [cutoff]
            ).rowcount
            if purged:
                originals.forget_unused(self.db)
            return purged
