"""Shared fixtures for the action tests: a dispatcher, trackers from JSON, the domain, and an
in-memory stand-in for the API that applies writes the way the real one does."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

DATA = Path(__file__).parent / "data"
BOT = Path(__file__).resolve().parents[2] / "bot"


class RecordingApi:
    """Holds one session's state and records every write the action sends."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.data = copy.deepcopy(state)
        self.writes: list[tuple[str, Any]] = []
        self.replies: list[tuple[list[dict[str, Any]], dict[str, Any]]] = []
        # A turn another run of it stored first, as the API answers "already_answered".
        self.stored: dict[str, Any] | None = None
        self.state_reads = 0

    async def state(self, session_id: str) -> dict[str, Any]:
        assert session_id == self.data["session_id"]
        self.state_reads += 1
        return copy.deepcopy(self.data)

    async def apply(self, session_id: str, write: tuple[str, Any]) -> None:
        self.writes.append(write)
        kind, payload = write
        if kind == "topic":
            topic, body = payload
            self.data["topics"][topic] = dict(body)
        elif kind == "meeting":
            self.data["meeting"].update(payload)
        elif kind == "summary":
            self.data["summary"] = payload["summary"]
            self.data["child_agreed"] = payload["child_agreed"]
        elif kind == "after-meeting":
            self.data["after_meeting"].update(payload)
        elif kind == "complete":
            self.data["completed"] = True

    async def finish_turn(
        self,
        session_id: str,
        writes: list[tuple[str, Any]],
        messages: list[dict[str, Any]],
        slots: dict[str, Any],
    ) -> dict[str, Any] | None:
        """The turn's writes and reply together; a turn stored already writes nothing."""
        if self.stored is not None:
            return self.stored
        for write in writes:
            await self.apply(session_id, write)
        await self.reply(session_id, messages, slots)
        return None

    async def reply(
        self, session_id: str, messages: list[dict[str, Any]], slots: dict[str, Any]
    ) -> None:
        """What the turn said and the slots it left, as the API keeps them for a re-run."""
        self.replies.append((messages, slots))


def load_json(name: str) -> dict[str, Any]:
    return dict(json.loads((DATA / name).read_text()))


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def domain() -> dict[str, Any]:
    return dict(yaml.safe_load((BOT / "domain.yml").read_text()))


@pytest.fixture
def ks2_state() -> dict[str, Any]:
    return load_json("state_ks2.json")


@pytest.fixture
def api(ks2_state: dict[str, Any]) -> RecordingApi:
    return RecordingApi(ks2_state)


def tracker_from(name: str, **changes: Any) -> Tracker:
    data = load_json(name)
    data.update(changes)
    return Tracker(data["sender_id"], data["slots"], data["latest_message"], data["events"],
                   data["paused"], data["followup_action"], data["active_loop"],
                   data["latest_action_name"])
