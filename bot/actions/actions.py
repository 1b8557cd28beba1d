"""The one custom action: read the slots and the API's state, call the pure conversation,
apply its writes through the API, then say what it decided."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.api_client import ApiClient
from actions.conversation import Turn, respond

logger = logging.getLogger(__name__)
SLOTS = ("step", "reasks", "resume_step", "passed")


def turn_from(tracker: Tracker) -> Turn:
    """The turn as the conversation reads it: the child's words as typed, which the API sends
    beside Rasa's text (that loses a leading "/", so Rasa never takes words for a command)."""
    latest = tracker.latest_message or {}
    intent = latest.get("intent") or {}
    metadata = latest.get("metadata") or {}
    entities = {e.get("entity"): e.get("value") for e in latest.get("entities") or []}
    words, pressed = metadata.get("words"), metadata.get("pressed")
    return Turn(text=words if isinstance(words, str) and words else latest.get("text") or "",
                intent=intent.get("name") or "answer",
                confidence=float(intent.get("confidence") or 0.0), entities=entities,
                screen_kinds=list(metadata.get("screen_kinds") or []),
                pressed=pressed if isinstance(pressed, bool) else None)


class ActionConverse(Action):
    """Every child message comes here; the API, not the tracker, is the record."""

    def __init__(self, client: ApiClient | None = None) -> None:
        self.client = client

    def name(self) -> str:
        return "action_converse"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        metadata = (tracker.latest_message or {}).get("metadata") or {}
        turn_id = metadata.get("turn_id") if isinstance(metadata.get("turn_id"), str) else None
        client = self.client or ApiClient(turn_id=turn_id)
        session_id = tracker.sender_id
        # The API sends the state with the message; a message without it (an older API, a
        # test) is answered from the API's own state endpoint.
        sent = metadata.get("state")
        state = sent if isinstance(sent, dict) else await client.state(session_id)
        stored = state.get("turn_reply")
        if stored is not None:
            # Rasa ran this turn again (its first run's answer was lost on the way).
            return repeat(dispatcher, stored)
        # The API's record of where the conversation stands wins over a tracker that fell behind.
        slots = state.get("open_slots") or {s: tracker.get_slot(s) for s in SLOTS}
        decision = respond(state, slots, turn_from(tracker))
        said = [
            {"text": m["text"], "buttons": m["buttons"] or [], "image": m.get("image")}
            for m in decision.say
        ]
        stored = await client.finish_turn(session_id, decision.writes, said, decision.slots)
        if stored is not None:  # another run of this turn was stored first: say what it said
            return repeat(dispatcher, stored)
        for message in decision.say:
            dispatcher.utter_message(text=message["text"], buttons=message["buttons"] or None,
                                     image=message.get("image"))
        # Counts only: the child's words never go to the logs.
        logger.info("turn saved %d writes, sent %d messages", len(decision.writes),
                    len(decision.say))
        return [SlotSet(name, value) for name, value in decision.slots.items()]


def repeat(dispatcher: CollectingDispatcher, stored: dict[str, Any]) -> list[EventType]:
    """Say again what a turn said the first time, write nothing, and put the slots back where
    that first run left them."""
    for message in stored["messages"]:
        dispatcher.utter_message(
            text=message.get("text"), buttons=message.get("buttons") or None,
            image=message.get("image"),
        )
    return [SlotSet(name, value) for name, value in stored["slots"].items()]
