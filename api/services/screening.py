"""The API's door to the safeguarding screen: every child message passes through here."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from api.services.button_payloads import is_button_payload
from safeguarding.tiers import Tiers

# A concern the screen raised on words it could not read (not in English): the lead's queue
# asks for someone who reads the child's language, the adult beside the child is told, and the
# lead's decision on it teaches the English classifier nothing.
OTHER_LANGUAGE = "screen_other_language"


@dataclass(frozen=True)
class ScreenCost:
    """The screen's own CPU in this process since it started, and the messages it read.

    The screen's model is the largest piece of the API's CPU a chat turn costs (decision 0005),
    and it costs twice as much among the other services as measured alone, so it is counted
    where it runs: by the thread's own CPU clock, on the thread that screens (its encoder runs
    on the calling thread).
    """

    messages: int = 0
    cpu_seconds: float = 0.0


class _Meter:
    """Adds each message's cost under a lock: several worker threads screen at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages = 0
        self._cpu_seconds = 0.0

    def add(self, cpu_seconds: float) -> None:
        with self._lock:
            self._messages += 1
            self._cpu_seconds += cpu_seconds

    def read(self) -> ScreenCost:
        with self._lock:
            return ScreenCost(self._messages, self._cpu_seconds)


_meter = _Meter()


def screen_message(text: str) -> Tiers:
    """The urgent and review kinds raised by one child message (both empty when none).

    A button's payload is not screened: the child chose it from the assistant's own options.
    Anything else that starts with "/" is their words, and is.
    """
    if not text.strip() or is_button_payload(text):
        return Tiers()
    from safeguarding import screen_tiers

    began = time.thread_time()
    tiers = screen_tiers(text)
    _meter.add(time.thread_time() - began)
    return tiers


def screen_cost() -> ScreenCost:
    """What the screen has cost this process so far (see `ScreenCost`)."""
    return _meter.read()


def in_another_language(text: str) -> bool:
    """Whether the screen could not read some of the message: it is not (all) in English.

    The screen sends such a message to a person whatever it scored; this says why, so the
    lead's queue can ask for someone who reads the child's language.
    """
    if not text.strip() or is_button_payload(text):
        return False
    from safeguarding.language import unreadable_message

    return unreadable_message(text)


def safety_reply(kinds: Sequence[str], age_band: str, *, emailed: bool, alone: bool) -> str:
    from safeguarding.replies import safe_reply

    return safe_reply(list(kinds), age_band, emailed=emailed, alone=alone)


def help_button_reply(age_band: str, *, emailed: bool, alone: bool, link_open: bool) -> str:
    from safeguarding.replies import button_reply

    return button_reply(age_band, emailed=emailed, alone=alone, link_open=link_open)


def helper_alert(kinds: Sequence[str], *, emailed: bool) -> str:
    from safeguarding.replies import helper_alert as alert

    return alert(list(kinds), emailed=emailed)


def unread_note(age_band: str) -> str:
    from safeguarding.replies import unread_note as note

    return note(age_band)


def unread_alert(language_support: str | None) -> str:
    from safeguarding.replies import unread_alert as alert

    return alert(language_support)
