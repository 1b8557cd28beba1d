"""Record a fresh batch's first sight: measured once, by the screen as it stands, before anything
is tuned on it.

    python -m benchmarks.first_sight tests/safeguarding/data/fresh/batch_NN_method.jsonl \
        --screen "what the screen is now, in words"

The figures are appended to `benchmarks/first_sight.json` and never edited after; a batch that
already has a round is refused, so a second look can never replace the first.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from benchmarks.screen import FIRST_SIGHT
from safeguarding.evaluate import load, score


def measure(path: Path, screen: str) -> dict[str, object]:
    """The round as first_sight.json keeps it: both tiers' recall, urgent false alarms, and
    per category (caught, positives)."""
    from safeguarding.screen import screen_scored_many

    rows = load([path])
    report = score(rows, [s.tiers for s in screen_scored_many([r["text"] for r in rows])])
    total = report.total
    return {
        "batch": path.stem,
        "date": date.today().isoformat(),
        "screen": screen,
        "caught": total.caught,
        "positives": total.positives,
        "urgent_recall": round(total.urgent_recall, 3),
        "urgent_alarms": total.urgent_alarms,
        "negatives": total.negatives,
        "by_category": {
            name: [tally.caught, tally.positives]
            for name, tally in sorted(report.by_category.items())
            if tally.positives
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batch", type=Path)
    parser.add_argument("--screen", required=True, help="the screen measured, in words")
    args = parser.parse_args(argv)
    history = json.loads(FIRST_SIGHT.read_text())
    if any(r["batch"] == args.batch.stem for r in history["rounds"]):
        parser.error(f"{args.batch.stem} already has its first sight; it cannot be measured again")
    round_ = measure(args.batch, args.screen)
    history["rounds"].append(round_)
    FIRST_SIGHT.write_text(json.dumps(history, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps({k: v for k, v in round_.items() if k != "by_category"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
