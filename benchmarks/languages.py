"""Messages in other languages: does each reach a person, and does English stay out of it.

The frozen set in `tests/safeguarding/data/languages/` was written before the rule in
`safeguarding/language.py` existed and was never tuned on; the batches beside it were tuned on
and are shown apart. The English of the frozen test part shows what the rule adds to the review
tier on ordinary talk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from safeguarding.evaluate import load

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ROOT / "tests" / "safeguarding" / "data" / "languages"
FROZEN = ROOT / "tests" / "safeguarding" / "data" / "frozen"


def _share(hits: list[bool]) -> tuple[int, int]:
    return sum(hits), len(hits)


def _measure_set(rows: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    from safeguarding.language import unreadable_message
    from safeguarding.screen import screen_tiers_many

    tiers = screen_tiers_many([r["text"] for r in rows])
    sent = [bool(t.kinds or t.review_kinds) for t in tiers]

    def where(test: Any) -> list[bool]:
        return [s for r, s in zip(rows, sent, strict=True) if test(r)]

    return {
        "foreign": _share(where(lambda r: r["expect"] == "flag")),
        "foreign_disclosures": _share(
            where(lambda r: r["expect"] == "flag" and r["kind"] == "disclosure")
        ),
        "foreign_ordinary": _share(
            where(lambda r: r["expect"] == "flag" and r["kind"] == "ordinary")
        ),
        "english_in_set": _share(
            [unreadable_message(r["text"]) for r in rows if r["expect"] == "none"]
        ),
    }


def measure() -> dict[str, Any]:
    from safeguarding.language import unreadable_message

    english = load(sorted(FROZEN.glob("*.jsonl")))
    ordinary = [r["text"] for r in english if not r["kinds"]]
    return {
        "frozen": _measure_set(load(sorted(LANGUAGES.glob("frozen_*.jsonl")))),
        "tuned": _measure_set(load(sorted(LANGUAGES.glob("batch_*.jsonl")))),
        "english_ordinary": _share([unreadable_message(t) for t in ordinary]),
    }


def _pct(pair: tuple[int, int]) -> str:
    a, b = pair
    return f"{a}/{b} ({a / b:.1%})" if b else "–"


def render(s: dict[str, Any]) -> list[str]:
    frozen, tuned = s["frozen"], s["tuned"]

    def row(what: str, key: str) -> str:
        return f"| {what} | {_pct(frozen[key])} | {_pct(tuned[key])} |"

    return [
        "Messages in other languages: the screen reads English, so a message it cannot read "
        "goes to a person the same day (review tier) whatever it scored. The frozen set was "
        "written before the rule and never tuned on; the batches were tuned on, so they are "
        "in sample.",
        "",
        "| what | sent to a person, frozen set | batches tuned on |",
        "| --- | --- | --- |",
        row("wholly or partly in another language", "foreign"),
        row("of those, disclosures", "foreign_disclosures"),
        row("of those, ordinary answers", "foreign_ordinary"),
        row("English in the same set, taken for another language", "english_in_set"),
        "",
        "Ordinary talk of the frozen test part taken for another language: "
        f"{_pct(s['english_ordinary'])}.",
        "",
    ]
