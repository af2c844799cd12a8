"""Where things live. The GUI and the command line share these rules, so
both open the same library unless ``--library`` says otherwise."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Reader"
LIBRARY_FILE = "library.sqlite3"


def data_dir() -> Path:
    """The platform's per-user data folder, the same one Qt calls AppDataLocation."""
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_library_path() -> Path:
    return data_dir() / LIBRARY_FILE


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Path:
    return resources_dir() / name
