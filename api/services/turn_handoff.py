"""A turn's reply, handed from the action server's write to the request waiting on Rasa.

When the action server stores a turn (api.services.bot_turns), the API request that sent the
turn to Rasa is still waiting, usually in this same process. Once the write has committed, its
reply is left here for that request, which otherwise reads the message back from the database
(a transaction of its own on every turn) only to learn what was just written.

The slots the turn left are kept too, for the next turn's state (`bot_state.open_slots`): an
answered turn's slots never change, so they are good for as long as they are kept.

Only ever a shortcut: what is not here (another API process stored it, the write was refused,
or it was evicted) is read from the database as before. Replies whose request gave up waiting
(a timed-out turn) are never taken, so the oldest go once there are `LIMIT`; slots likewise,
once there are `SLOTS_LIMIT` (a few for every conversation going on at once).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

LIMIT = 256
SLOTS_LIMIT = 1024

_lock = threading.Lock()
_replies: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
_slots: OrderedDict[str, dict[str, Any]] = OrderedDict()


def leave(turn_id: str, reply: list[dict[str, Any]], slots: dict[str, Any] | None) -> None:
    """Leave a committed turn's reply for its waiting request, and its slots for the next turn."""
    with _lock:
        _replies[turn_id] = reply
        while len(_replies) > LIMIT:
            _replies.popitem(last=False)
        if slots is not None:
            _slots[turn_id] = dict(slots)
            while len(_slots) > SLOTS_LIMIT:
                _slots.popitem(last=False)


def slots_left(turn_id: str) -> dict[str, Any] | None:
    """The slots this turn left, if this process stored it (None: read them)."""
    with _lock:
        slots = _slots.get(turn_id)
        if slots is not None:
            _slots.move_to_end(turn_id)
        return dict(slots) if slots is not None else None


def take(turn_id: str) -> list[dict[str, Any]] | None:
    """The reply stored for this turn since it was sent to Rasa, if this process stored it."""
    with _lock:
        return _replies.pop(turn_id, None)
