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
]

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: Database, migrations: list[list[str]] = MIGRATIONS) -> None:
    """Bring the library up to date, or refuse one written by a newer Reader."""
    current = schema_version(db)
    if current > len(migrations):
        raise LibraryError(
            f"This library was written by a newer version of Reader (schema {current}, "
            f"this version knows up to {len(migrations)}). Update Reader to open it; "
            "nothing in it was changed."
        )
    for number in range(current, len(migrations)):
        try:
            with db.atomic():
                for statement in migrations[number]:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
        except sqlite3.OperationalError as error:
            raise LibraryError(f"The library could not be upgraded: {error}.") from error
