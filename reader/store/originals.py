"""The files articles were extracted from, kept compressed and once per content.

A page imported twice, or two pages sharing an image, store its bytes once:
a file is named by the sha256 of its raw bytes. zlib at its default level
compresses saved HTML about fivefold at a cost an import does not notice;
images, already compressed, are kept as they come. Each article links to its
main file and to the resources (``page_files/…``) the extractor took.
"""

from __future__ import annotations

import hashlib
import zlib

from sqlite_utils import Database

from reader.model import Original


def keep(db: Database, article_id: int, original: Original) -> None:
    """Link ``article_id`` to ``original`` (its previous files are let go), inside the caller's transaction."""
    previous = [row[0] for row in db.execute("SELECT hash FROM article_originals WHERE article_id = ?", [article_id])]
    db.execute("DELETE FROM article_originals WHERE article_id = ?", [article_id])
    files = [(original.name, original.data, 1), *((path, data, 0) for path, data in original.resources.items())]
    for path, data, main in files:
        digest = hashlib.sha256(data).hexdigest()
        db.execute(
            "INSERT INTO originals (hash, size, data) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING",
            [digest, len(data), zlib.compress(data)],
        )
        db.execute(
            "INSERT OR REPLACE INTO article_originals (article_id, path, hash, main) VALUES (?, ?, ?, ?)",
            [article_id, path, digest, main],
        )
    _forget(db, previous)


def has_original(db: Database, article_id: int) -> bool:
    return db.execute(
        "SELECT 1 FROM article_originals WHERE article_id = ? AND main = 1", [article_id]
    ).fetchone() is not None


def load(db: Database, article_id: int) -> Original | None:
    """The files ``article_id`` was extracted from, or None if it came in before originals were kept."""
    rows = db.execute(
        """
        SELECT path, main, data FROM article_originals JOIN originals USING (hash)
        WHERE article_id = ? ORDER BY main DESC, path
        """,
        [article_id],
    ).fetchall()
    if not rows or not rows[0][1]:
        return None
    name, _, data = rows[0]
    return Original(name, zlib.decompress(data), {path: zlib.decompress(blob) for path, _, blob in rows[1:]})


def _forget(db: Database, hashes: list[str]) -> None:
    """Drop those of ``hashes`` no article links to any more (a new version of a page replaced them)."""
    for digest in hashes:
        db.execute("DELETE FROM originals WHERE hash = ? AND hash NOT IN (SELECT hash FROM article_originals)", [digest])


def forget_unused(db: Database) -> None:
    """Drop every file no article links to any more (after articles were purged)."""
    db.execute("DELETE FROM originals WHERE hash NOT IN (SELECT hash FROM article_originals)")


def stored_size(db: Database) -> tuple[int, int]:
    """(raw bytes, compressed bytes) of every original kept: what keeping them costs."""
    raw, packed = db.execute("SELECT COALESCE(sum(size), 0), COALESCE(sum(length(data)), 0) FROM originals").fetchone()
    return raw, packed
