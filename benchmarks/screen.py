"""The screen's quality on what it was never tuned on, its calibration, and its speed.

Quality is reported on the frozen test part (split off before the screen was built), on the
held-out batches (never trained on; pattern families were written from some after their first
sight, as their README says), and, for contrast, on the tuning data itself. The first-sight
history in `first_sight.json` is copied as it was recorded: those figures cannot be re-measured
once a batch has been tuned on.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from benchmarks import languages
from benchmarks.stats import summary_ms, timed
from safeguarding.evaluate import Report, load, score

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "tests" / "safeguarding" / "data" / "frozen"
FRESH = ROOT / "tests" / "safeguarding" / "data" / "fresh"
FIRST_SIGHT = Path(__file__).parent / "first_sight.json"
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.01)


def _quality(paths: list[Path]) -> tuple[Report, list[dict[str, Any]], list[Any]] | None:
    from safeguarding.screen import screen_scored_many

    if not paths:
        return None
    rows = load(paths)
    scored = screen_scored_many([r["text"] for r in rows])
    return score(rows, [s.tiers for s in scored]), rows, scored


def calibration(rows: list[dict[str, Any]], scored: list[Any]) -> list[dict[str, Any]]:
    """For each band of the highest concern score: how many messages, how many truly a concern."""
    table = []
    for low, high in itertools.pairwise(BINS):
        inside = [
            (r, s) for r, s in zip(rows, scored, strict=True) if low <= max(s.peak.values()) < high
        ]
        urgent = [(r, s) for r, s in inside if s.tiers.kinds]
        table.append(
            {
                "band": f"{low:.1f}–{min(high, 1.0):.1f}",
                "messages": len(inside),
                "concerns": sum(bool(r["kinds"]) for r, _ in inside),
                "urgent": len(urgent),
                "urgent_right": sum(bool(set(r["kinds"]) & set(s.tiers.kinds)) for r, s in urgent),
            }
        )
    return table


def measure() -> dict[str, Any]:
    from safeguarding import classifier, screen_tiers
    from safeguarding.train import LABELLED

    frozen = _quality(sorted(FROZEN.glob("*.jsonl")))
    assert frozen is not None
    fresh = _quality(sorted(FRESH.glob("*.jsonl")))
    tuning = _quality(sorted(LABELLED.glob("*.jsonl")))
    assert tuning is not None
    texts = [r["text"] for r in frozen[1]]
    screen_tiers(texts[0])
    per_message = timed(screen_tiers, texts)
    encode = timed(lambda t: classifier.embed([t]), texts)
    return {
        "frozen": frozen[0],
        "calibration": calibration(frozen[1], frozen[2]),
        "fresh": fresh[0] if fresh else None,
        "tuning": tuning[0],
        "first_sight": json.loads(FIRST_SIGHT.read_text())["rounds"],
        "languages": languages.measure(),
        "speed": summary_ms(per_message),
        "minilm": summary_ms(encode),
        "model": classifier.load(),
    }


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.1%})" if b else "–"


def _first_sight_by_category(rounds: list[dict[str, Any]]) -> list[str]:
    """Each batch's first-sight recall per category, one column a batch."""
    if not rounds:
        return []
    cats = sorted({c for r in rounds for c in r["by_category"]})
    head = "| category | " + " | ".join(r["batch"] for r in rounds) + " |"
    lines = ["First sight per category (caught of concerns, both tiers):", "", head]
    lines.append("| --- |" + " --- |" * len(rounds))
    for cat in cats:
        cells = [
            "{}/{}".format(*r["by_category"][cat]) if cat in r["by_category"] else "–"
            for r in rounds
        ]
        lines.append(f"| {cat} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _goal_rows(frozen: Report, fresh: Report | None) -> list[str]:
    """The screen's goals beside this run's figures: the frozen part's floor (issue #17, held
    by `make test`), and the same figures asked of the held-out batches. A new batch measures
    the screen on ground it has never met, so the held-out figures are reported against the
    goal here, and `make test` holds each batch to its own first sight."""
    rows = [
        ("frozen part: concerns raised in either tier", frozen.total.recall, 0.98, True),
        (
            "frozen part: urgent false alarms on ordinary talk",
            frozen.total.false_alarm_rate,
            0.10,
            False,
        ),
    ]
    if fresh is not None:
        rows += [
            ("held-out batches: concerns raised in either tier", fresh.total.recall, 0.99, True),
            (
                "held-out batches: urgent false alarms on ordinary talk",
                fresh.total.false_alarm_rate,
                0.10,
                False,
            ),
        ]
    out = ["| goal | measured | met |", "| --- | --- | --- |"]
    for name, value, goal, at_least in rows:
        met = value >= goal if at_least else value <= goal
        sign = "at least" if at_least else "at most"
        out.append(f"| {name}, {sign} {goal:.0%} | {value:.1%} | {'yes' if met else 'no'} |")
    return out


def render(s: dict[str, Any]) -> list[str]:
    frozen: Report = s["frozen"]
    tuning: Report = s["tuning"]
    model = s["model"]
    lines = [
        "## Safeguarding screen",
        "",
        "Recall counts a concern caught in either tier (urgent, or review: a person reads it "
        "the same day); false alarms count the urgent tier only, on ordinary talk. The frozen "
        "part was written by a different method from the training data and split off before "
        "the screen was built; nothing was tuned on it.",
        "",
        f"Model: TF-IDF word and character n-grams beside MiniLM embeddings, logistic "
        f"regression, seed 0, data `{model.data_sha256[:12]}`; urgent thresholds "
        f"{ {k: round(v, 2) for k, v in model.urgent_threshold.items()} }, review threshold "
        f"{model.review_threshold}; {len(model.urgent_patterns)} patterns may raise the urgent "
        "tier, the rest raise review.",
        "",
        "| set | recall, both tiers | urgent-tier recall | urgent false alarms "
        "| review on ordinary talk |",
        "| --- | --- | --- | --- | --- |",
    ]
    sets = [("frozen test part", frozen), ("tuning data (in sample)", tuning)]
    if s["fresh"]:
        sets.insert(1, ("held-out batches (never trained on)", s["fresh"]))
    for name, r in sets:
        t = r.total
        lines.append(
            f"| {name} | {_pct(t.caught, t.positives)} | {_pct(t.caught_urgent, t.positives)} "
            f"| {_pct(t.urgent_alarms, t.negatives)} | {_pct(t.review_alarms, t.negatives)} |"
        )
    lines += ["", *_goal_rows(frozen, s["fresh"])]
    lines += ["", "Per category, recall of both tiers together:", ""]
    lines += ["| category | frozen part | tuning data |", "| --- | --- | --- |"]
    for cat in sorted(frozen.by_category):
        f, t = frozen.by_category[cat], tuning.by_category.get(cat)
        if f.positives:
            tuned = _pct(t.caught, t.positives) if t else "–"
            lines.append(f"| {cat} | {_pct(f.caught, f.positives)} | {tuned} |")
    lines += [
        "",
        "Calibration on the frozen part: how often the urgent tier is right at each score "
        "(the classifier's highest probability of any concern in the message).",
        "",
        "| score | messages | truly a concern | raised urgent | urgent and right |",
        "| --- | --- | --- | --- | --- |",
        *[
            f"| {c['band']} | {c['messages']} | {c['concerns']} | {c['urgent']} | "
            f"{_pct(c['urgent_right'], c['urgent'])} |"
            for c in s["calibration"]
        ],
        "",
        "First sight: each fresh batch, measured once before anything was tuned on it "
        "(copied from `benchmarks/first_sight.json`).",
        "",
        "| batch | date | screen | recall, both tiers | urgent false alarms |",
        "| --- | --- | --- | --- | --- |",
        *[
            f"| {r['batch']} | {r['date']} | {r['screen']} | {_pct(r['caught'], r['positives'])}"
            f" | {_pct(r['urgent_alarms'], r['negatives'])} |"
            for r in s["first_sight"]
        ],
        "",
        *_first_sight_by_category(s["first_sight"]),
        *languages.render(s["languages"]),
        "| speed, per message | messages | p50 | p95 |",
        "| --- | --- | --- | --- |",
        f"| screen (patterns, clauses, language, MiniLM, classifier) | {s['speed']['n']} | "
        f"{s['speed']['p50']:.1f} | {s['speed']['p95']:.1f} |",
        f"| bare MiniLM encoding of the message (the floor) | {s['minilm']['n']} | "
        f"{s['minilm']['p50']:.1f} | {s['minilm']['p95']:.1f} |",
        "",
        f"Goal: the screen's p95 under 25 ms per message: "
        f"{'met' if s['speed']['p95'] < 25 else 'not met'} ({s['speed']['p95']:.1f} ms).",
        "",
    ]
    return lines
