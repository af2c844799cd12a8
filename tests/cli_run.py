"""Running ``python -m reader`` as a user or a script would, for the CLI tests."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def reader(*args: str, check_status: int | None = 0) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    if check_status is not None:
        assert result.returncode == check_status, result.stderr
    return result


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
