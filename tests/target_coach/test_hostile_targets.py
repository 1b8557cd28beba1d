"""A target is free text up to 2,000 characters in every column, so the coach's patterns must
finish on any of it. A pattern that backtracks without bound (as "times tables" once did on a
run of digits) would hang the teacher's page, so each hostile shape is judged in a separate
process that is stopped, and fails the test, if it does not finish."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 2000
# Runs that the coach's patterns repeat over: digits, numbers in a list, the words of a place
# or a time, people joined by "and", aims, dates, and characters no keyboard means.
SHAPES = [
    "1" * LIMIT,
    "1, 2 and " * 250,
    "attend" + " in the" * 300,
    "improve attendance with peers and staff and " * 50,
    "develop a love of " + "reading " * 250,
    "stay in class for the whole lesson " * 60,
    "by 27/03/2027 " * 150,
    "12/12/12/12/" * 200,
    "8/25 " * 400,
    "7y4m " * 400,
    "\x00\x01\x1b[31m" * 300,
    "\u0645\u0631\u062d\u0628\u0627 " * 300,
    "a" * LIMIT,
]
JUDGE_ALL = """
import json, sys
from target_coach.check import check_target
from target_coach.schema import TargetCheckRequest
for text in json.loads(sys.stdin.read()):
    text = text[:2000]
    request = TargetCheckRequest(
        target=text, action=text, who=text[:100], when=text, outcome=text, ppp=text,
        key_stage="KS3", context={"baseline": text, "needs": [text], "child_views": text},
    )
    check_target(request)
print("judged")
"""


def test_every_hostile_target_is_judged_and_none_hangs_the_coach() -> None:
    done = subprocess.run(
        [sys.executable, "-c", JUDGE_ALL],
        input=json.dumps(SHAPES),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,  # a few seconds when well; only a pattern without bound comes near it
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "judged"
