"""The bot's reader of vocabulary/vocabulary.yaml, where every word about a child's views lives.

The action server runs in its own Python (Rasa 3.6 needs 3.10), so it shares the API's words as
data, not as an import: the API reads the same file with vocabulary/__init__.py.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PATH = Path(__file__).resolve().parents[2] / "vocabulary" / "vocabulary.yaml"


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """Read once per process: the words change with a release, never while it runs."""
    with PATH.open(encoding="utf-8") as file:
        return dict(yaml.safe_load(file))


def band_topics(band: str) -> dict[str, dict[str, str]]:
    """Each topic's title, question, style and follow-up for one band, inheritance applied.

    KS4 names KS3 in `inherits` and states only what differs, so the two cannot drift apart.
    """
    entry = vocabulary()["bands"][band]
    base = band_topics(entry["inherits"]) if "inherits" in entry else {}
    default_more = vocabulary()["default_more"]
    topics = {}
    for key in topic_keys():
        merged = {"more": default_more, **base.get(key, {}), **entry["topics"].get(key, {})}
        topics[key] = merged
    return topics


def band_flag(band: str, flag: str) -> bool:
    """Whether a band is shown symbols or offered read-aloud (EY and KS1)."""
    return bool(vocabulary()["bands"].get(band, {}).get(flag, False))


def topic_keys() -> list[str]:
    return list(vocabulary()["topics"])


def symbol_url(topic: str) -> str:
    return f"/static/topics/{vocabulary()['topics'][topic]['symbol']}.svg"


def ratings() -> dict[int, dict[str, str]]:
    return {int(k): v for k, v in vocabulary()["ratings"].items()}


def safety_reply(kind: str, group: str, emailed: bool) -> str:
    """A safety reply by kind ("safeguarding" by band, "school" by young/older)."""
    replies = vocabulary()["safety_replies"][kind]
    entry = replies[group]
    entry = replies[entry["same_as"]] if "same_as" in entry else entry
    return str(entry["emailed" if emailed else "saved"])


def help_now(group: str) -> str:
    """Where a child on their own finds help now ("young" or "older"), after a safety reply."""
    return str(vocabulary()["help_now"][group])
