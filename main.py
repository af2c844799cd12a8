"""Launch Reader: ``python main.py [--library PATH] [saved pages or folders…]``."""

import sys

from reader.ui.app import run

if __name__ == "__main__":
    sys.exit(run())
