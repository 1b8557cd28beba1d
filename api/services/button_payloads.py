"""Which texts are a button press, and which are the child's own words.

The contract sends a pressed button as its payload in `text` ("/rate{"rating":2}", "/decline"),
so a child can also type something that starts with "/". Only the payloads the assistant's own
buttons use count as a press; anything else is the child's words: screened, kept verbatim and
never read by Rasa as a command (which would drop the words, or log them as a parse failure).
"""

from __future__ import annotations

import json
import re

# The intents behind the assistant's buttons (bot/actions/messages.py and the page's Skip).
PAYLOAD_INTENTS = frozenset(
    {
        "start",
        "decline",
        "dont_know",
        "carry_on",
        "stop",
        "affirm",
        "deny",
        "rate",
        "choose_topic",
        "change_answer",
    }
)
# What a button's braces may carry: a face's rating, a topic's or a format's name.
ENTITY_NAMES = frozenset({"rating", "topic", "copy_format"})
_PAYLOAD = re.compile(r"/(?P<intent>[a-z_]+)(?P<entities>\{[^{}]*\})?")
_NAME = re.compile(r"[a-z_]{1,40}")


def is_button_payload(text: str) -> bool:
    """True only for a payload one of the assistant's buttons could have sent."""
    match = _PAYLOAD.fullmatch(text.strip())
    if match is None or match["intent"] not in PAYLOAD_INTENTS:
        return False
    return match["entities"] is None or _entities_fit(match["entities"])


def _entities_fit(raw: str) -> bool:
    try:
        entities = json.loads(raw)
    except ValueError:
        return False
    if not isinstance(entities, dict) or not entities.keys() <= ENTITY_NAMES:
        return False
    return all(_value_fits(name, value) for name, value in entities.items())


def _value_fits(name: str, value: object) -> bool:
    if name == "rating":
        return type(value) is int and 1 <= value <= 5
    return isinstance(value, str) and _NAME.fullmatch(value) is not None


def for_rasa(text: str) -> str:
    """The text Rasa's NLU reads for typed words: never a command, so a leading "/" goes.

    The words themselves travel verbatim beside it (the turn's metadata), and those are what
    the assistant files; this is only what the intent classifier sees.
    """
    if is_button_payload(text) or not text.lstrip().startswith("/"):
        return text
    return text.lstrip().lstrip("/").lstrip() or "…"
