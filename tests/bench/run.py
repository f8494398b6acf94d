"""Run every benchmark in this folder (or the ones named) and print their figures.

    python tests/bench/run.py            # all of them
    python tests/bench/run.py clean      # only bench_clean.py

Each ``bench_*.py`` is a script that prints its own figures; this runs them one after another
in fresh processes so that one benchmark's imports and caches do not flatter the next.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Run the selected benchmarks; return non-zero when one of them failed."""
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if any(name in s.stem for name in argv)]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    failed = 0
    for script in scripts:
        print(f"\n== {script.stem}", flush=True)
        result = subprocess.run([sys.executable, str(script)], check=False)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
