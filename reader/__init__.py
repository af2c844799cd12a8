"""Reader: read and annotate saved web pages, offline."""

__version__ = "0.1.0"
