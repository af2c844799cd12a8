"""The library schema, as numbered forward migrations.

``PRAGMA user_version`` holds the number of the last migration applied. Each
migration runs in one transaction together with the version bump, so a crash
half-way leaves the previous, consistent schema.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from reader.store.errors import LibraryError

MIGRATIONS: list[list[str]] = [
    [
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            byline TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL DEFAULT '',
            encoding TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '',
            sections TEXT NOT NULL DEFAULT '[]',
            content_hash TEXT NOT NULL,
            added TEXT NOT NULL,
            deleted_at TEXT,
            -- The bodies go last: listing the library never reads past them.
            markdown TEXT NOT NULL,
            text TEXT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX articles_live_hash ON articles(content_hash) WHERE deleted_at IS NULL",
        "CREATE INDEX articles_order ON articles(published, added)",
        """
        CREATE TABLE article_images (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (article_id, name)
        )
        """,
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='id', tokenize='trigram'
        )
        """,
        """
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END
        """,
        """
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END
        """,
        """
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END
        """,
    ],
    # 2: annotations. Highlights point into articles.text (code points); tags are
    # shared by highlights and articles and compared case-insensitively (by a
    # casefolded key, which also covers non-ASCII letters).
    [
        """
        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT 'yellow',
            style TEXT NOT NULL DEFAULT 'fill',
            note TEXT NOT NULL DEFAULT '',
            section_path TEXT NOT NULL DEFAULT '[]',
            content_hash TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'anchored',
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )
        """,
        "CREATE INDEX highlights_article ON highlights(article_id, start)",
        "CREATE INDEX highlights_created ON highlights(created)",
        """
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE
        )
        """,
        """
        CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (highlight_id, tag_id)
        )
        """,
        "CREATE INDEX highlight_tags_tag ON highlight_tags(tag_id)",
        """
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, tag_id)
        )
        """,
        "CREATE INDEX article_tags_tag ON article_tags(tag_id)",
        """
        CREATE TABLE article_notes (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            modified TEXT NOT NULL
        )
        """,
        """
        CREATE VIRTUAL TABLE highlights_fts USING fts5(
            exact, note, content='highlights', content_rowid='id', tokenize='trigram'
        )
        """,
        """
        CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
            INSERT INTO highlights_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
        END
        """,
        """
        CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
            INSERT INTO highlights_fts(highlights_fts, rowid, exact, note)
            VALUES ('delete', old.id, old.exact, old.note);
        END
        """,
        """
        CREATE TRIGGER highlights_fts_update AFTER UPDATE OF exact, note ON highlights BEGIN
            INSERT INTO highlights_fts(highlights_fts, rowid, exact, note)
            VALUES ('delete', old.id, old.exact, old.note);
            INSERT INTO highlights_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
        END
        """,
        # Re-importing the same article (same specific URL, same title) finds it by title.
        "CREATE INDEX articles_title ON articles(title)",
    ],
    [
        # The rendered body, stored at import: rendering a long article takes longer than showing it.
        "ALTER TABLE articles ADD COLUMN html TEXT NOT NULL DEFAULT ''",
    ],
    # 4: where each article was left. A table of its own rather than columns of articles: added columns
    # go after the bodies, and the library list would then read through every body to reach them
    # (10,000 articles: 223 ms instead of 30).
    [
        """
        CREATE TABLE reading (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            progress REAL NOT NULL DEFAULT 0,
            opened TEXT
        )
        """,
    ],
    # 5: which renderer made each article's html and text (reader.render.RENDER_VERSION), so that a
    # newer renderer renders stored articles again when they are opened. Articles stored so far were
    # made by renderer 1, except those stored before the HTML was (html ''): 0, rendered on open.
    [
        "ALTER TABLE articles ADD COLUMN render_version INTEGER NOT NULL DEFAULT 1",
        "UPDATE articles SET render_version = 0 WHERE html = ''",
    ],
    # 6: organising. The reading state lives beside the place (the list reads it, so not after the
    # bodies); which facts the user corrected (a JSON list of field names) is only read by edits and
    # re-imports, so it may go at the end of articles.
    [
        "ALTER TABLE reading ADD COLUMN state TEXT NOT NULL DEFAULT 'unread'",
        "UPDATE reading SET state = CASE WHEN progress >= 0.995 THEN 'read' WHEN position > 0 THEN 'reading'"
        " ELSE 'unread' END",
        "ALTER TABLE articles ADD COLUMN user_fields TEXT NOT NULL DEFAULT '[]'",
        # A new version of a page whose title the user corrected is found by its address among these few.
        "CREATE INDEX articles_user_titled ON articles(id) WHERE user_fields LIKE '%\"title\"%'",
    ],
    # 7: originals. The bytes every page was extracted from (main file and the resources the extractor
    # took), compressed, once per content (sha256 of the raw bytes); each article links to its files,
    # and records the extractor version that made it, so a better extractor can read them again.
    [
        """
        CREATE TABLE originals (
            hash TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            data BLOB NOT NULL
        )
        """,
        """
        CREATE TABLE article_originals (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            hash TEXT NOT NULL REFERENCES originals(hash),
            main INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, path)
        )
        """,
        "CREATE INDEX article_originals_hash ON article_originals(hash)",
        """
        CREATE TABLE extraction (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version INTEGER NOT NULL
        )
        """,
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def refuse_newer(db: Database, migrations: list[list[str]] = MIGRATIONS) -> None:
    """Refuse a library written by a newer Reader before anything in it is touched.

    Called before the connection sets its journal mode: the message promises
    that nothing was changed, and switching a file to WAL is a change.
    """
    current = schema_version(db)
    if current > len(migrations):
        raise LibraryError(
            f"This library was written by a newer version of Reader (schema {current}, "
            f"this version knows up to {len(migrations)}). Update Reader to open it; "
            "nothing in it was changed."
        )


def migrate(db: Database, migrations: list[list[str]] = MIGRATIONS) -> None:
    """Bring the library up to date, or refuse one written by a newer Reader."""
    refuse_newer(db, migrations)
    current = schema_version(db)
    for number in range(current, len(migrations)):
        try:
            with db.atomic():
                for statement in migrations[number]:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
        except sqlite3.OperationalError as error:
            raise LibraryError(f"The library could not be upgraded: {error}.") from error
