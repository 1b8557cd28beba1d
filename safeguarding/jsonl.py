"""`pep-voice screen`: JSON Lines in, JSON Lines out, batched through the models.

Each answer carries `kinds` (the urgent tier) and `review_kinds` (a person should read it);
a kind is never in both.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice

from safeguarding.screen import screen_tiers_many

BATCH = 64


def _parse(line: str) -> tuple[str | None, str | None, str | None]:
    """(id, text, error) for one input line."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        return None, None, "the line is not valid JSON"
    if not isinstance(item, dict):
        return None, None, "each line must be a JSON object with id and text"
    ident = item.get("id")
    ident = str(ident) if ident is not None else None
    text = item.get("text")
    if not isinstance(text, str):
        return ident, None, "text: must be a string"
    return ident, text, None


def screen_jsonl(lines: Iterable[str]) -> Iterator[str]:
    source = (line for line in lines if line.strip())
    while batch := list(islice(source, BATCH)):
        parsed = [_parse(line) for line in batch]
        texts = [text for _, text, error in parsed if error is None and text is not None]
        results = iter(screen_tiers_many(texts))
        for ident, _text, error in parsed:
            if error is not None:
                out: dict[str, object] = {"error": error}
                if ident is not None:
                    out["id"] = ident
            else:
                tiers = next(results)
                out = {"id": ident, "kinds": list(tiers.kinds)}
                out["review_kinds"] = list(tiers.review_kinds)
            yield json.dumps(out)
