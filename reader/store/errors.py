"""Errors the user must be told about, as opposed to our own bugs."""


class LibraryError(Exception):
    """The library file cannot be used (newer than the app, corrupt, locked,
    unwritable). The message is a sentence for the user."""
