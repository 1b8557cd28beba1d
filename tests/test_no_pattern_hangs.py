"""Every pattern the coach and the screen keep at module level finishes on long runs of the
shapes text repeats (digits, letters, separators, the small words their alternations repeat
over). A pattern with nested repeats can take exponential time on such a run, as "times
tables" once did on 24 digits, and hang a teacher's or a child's request; each is searched
in a separate process that is stopped, and fails the test, if it does not finish."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEARCH_EVERY_PATTERN = r"""
import importlib, pkgutil, re
UNITS = ["1", "a", "1 ", "a ", ", ", "/", "1/", "a, ", "in the ", "and ", "'", "  ", "1.",
         "x1", "£1 ", "to ", "12/", "-", "a-", "1,", "\x00", "é"]

def found(value, depth=0):
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from found(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from found(item, depth + 1)

patterns = {}
for package in ("target_coach", "safeguarding"):
    root = importlib.import_module(package)
    for info in pkgutil.iter_modules(root.__path__):
        module = importlib.import_module(f"{package}.{info.name}")
        for value in vars(module).values():
            patterns.update((id(p), p) for p in found(value))
for pattern in patterns.values():
    for unit in UNITS:
        pattern.search((unit * 2000)[:2000] + "!")
print(len(patterns))
"""


def test_no_pattern_in_the_coach_or_the_screen_hangs_on_a_long_run() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SEARCH_EVERY_PATTERN],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,  # seconds when well; only a pattern without bound comes near it
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) >= 300  # the screen's and the coach's patterns were all read
