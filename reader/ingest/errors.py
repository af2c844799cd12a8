"""The one exception the import pipeline raises.

Callers (the CLI, the import worker) show ``str(error)`` to a person next to
the file name, so every message is a plain reason such as "the file is
empty", never a traceback or a codec name alone.
"""

from __future__ import annotations


class ExtractError(Exception):
    """A saved page could not be turned into an article; ``str()`` says why."""


class NestedTooDeeply(ExtractError):
    """The page nests elements deeper than an HTML parser builds a tree for; read it flat."""

    def __init__(self) -> None:
        super().__init__("it is nested too deeply to read")
