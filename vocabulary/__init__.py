"""The reader of vocabulary/vocabulary.yaml, where every word about a child's views lives.

Pages, documents, the safety screen's replies and the QA grades read their words here, and the
bot reads the same file with its own reader (bot/actions/vocabulary.py): it runs in another
Python, so the two share data, not code, and cannot drift apart.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

PATH = Path(__file__).resolve().parent / "vocabulary.yaml"


@cache
def vocabulary() -> dict[str, Any]:
    """Read once per process: the words change with a release, never while it runs."""
    with PATH.open(encoding="utf-8") as file:
        return dict(yaml.safe_load(file))


def band_topics(band: str) -> dict[str, dict[str, str]]:
    """Each topic's title, question, style and follow-up for one band, inheritance applied."""
    entry = vocabulary()["bands"][band]
    base = band_topics(entry["inherits"]) if "inherits" in entry else {}
    more = vocabulary()["default_more"]
    return {
        key: {"more": more, **base.get(key, {}), **entry["topics"].get(key, {})}
        for key in vocabulary()["topics"]
    }


def topic_titles() -> dict[str, str]:
    """Each topic as an adult reads it on pages and documents: first person."""
    return {key: t["title"] for key, t in vocabulary()["topics"].items()}


def symbol_alts() -> dict[str, str]:
    """Each topic symbol's URL and its alt text, for the chat page to describe the pictures."""
    return {
        f"/static/topics/{t['symbol']}.svg": t["symbol_alt"]
        for t in vocabulary()["topics"].values()
    }


def read_aloud_bands() -> list[str]:
    """The bands whose chat offers "Read aloud" on each message (EY and KS1)."""
    return [band for band, entry in vocabulary()["bands"].items() if entry.get("read_aloud")]


def rating_words() -> dict[int, str]:
    return {int(k): r["words"] for k, r in vocabulary()["ratings"].items()}


def topic_status_words() -> dict[str, str]:
    return dict(vocabulary()["topic_status"])


def pep_status_words() -> dict[str, str]:
    return dict(vocabulary()["pep_status"])


def grades() -> tuple[str, ...]:
    return tuple(vocabulary()["grades"])


def school_year_label(year: int | None) -> str:
    """'Nursery', 'Reception', 'Year 7', or 'Not in school' when there is no year."""
    labels = vocabulary()["school_years"]
    if year is None:
        return str(labels["none"])
    return str(labels.get(year) or labels["year"].format(n=year))


def safety_reply(kind: str, group: str, *, emailed: bool) -> str:
    """A safety reply by kind: "safeguarding" by band, "school" by "young" or "older"."""
    replies = vocabulary()["safety_replies"][kind]
    entry = replies[group]
    entry = replies[entry["same_as"]] if "same_as" in entry else entry
    return str(entry["emailed" if emailed else "saved"])


def help_now(group: str) -> str:
    """Where a child on their own finds help now ("young" or "older"), after a safety reply."""
    return str(vocabulary()["help_now"][group])


def unread_words_note(group: str) -> str:
    """What the child is told when the screen could not read their words ("young" or "older")."""
    return str(vocabulary()["unread_words"][group])


def help_button_reply(group: str, *, emailed: bool, link_open: bool) -> str:
    """The safety button's reply ("young" or "older"), offering to carry on only when it can."""
    entry = vocabulary()["help_button"]
    reply = str(entry[group]["emailed" if emailed else "saved"])
    return f"{reply} {entry['carry_on']}" if link_open else reply
