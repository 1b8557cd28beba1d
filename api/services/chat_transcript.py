"""The conversation so far as the chat page draws it: what the child said and each reply.

Separate from the turn itself (chat.py): reading the record never changes it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.config import Settings
from api.models import VoiceSession
from api.repositories import voice as voice_repo
from api.services.chat import ANSWERED, LATE, compose
from api.services.voice_sessions import pep_of


def conversation(session: Session, settings: Settings, voice: VoiceSession) -> list[dict[str, Any]]:
    """The conversation so far, as the page draws it: the child's words and each reply.

    A button the child pressed is stored as its payload (what the bot acts on); the page shows
    what the child saw and chose, the button's own words, never "/rate{...}"."""
    pep = pep_of(session, voice)
    entries: list[dict[str, Any]] = []
    offered: dict[str, str] = {}  # the last question's buttons: payload -> what the child saw
    for row in voice_repo.transcript(session, voice.id):
        if row.sender != "child":
            continue
        if row.text:
            chosen = offered.get(row.text)
            entries.append(
                {"sender": "child", "text": chosen, "choice": True}
                if chosen is not None
                else {"sender": "child", "text": row.text}
            )
        if row.turn_status in (ANSWERED, LATE) and row.reply is not None:
            composed = compose(session, settings, voice, pep, row).messages
            entries.append({"sender": "bot", "messages": composed})
            offered = {
                str(b.get("payload")): str(b.get("title"))
                for m in composed
                for b in m.get("buttons") or []
            }
    return entries
