"""Voice sessions: opened by a DT or SW, spoken in by the child (with their helper)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from api.deps import (
    CurrentUser,
    HelpCaller,
    SessionDep,
    SettingsDep,
    VoiceCaller,
    VoiceCredentialsDep,
    authorize_voice,
)
from api.responses import model_response
from api.schemas.voice import (
    ChatMessageIn,
    ChatReply,
    ConversationOut,
    HelperSession,
    SessionClosed,
    SessionProgress,
    SupportOut,
    SupportWrite,
    VoiceSessionCreate,
    VoiceSessionCreated,
)
from api.services import chat, chat_transcript, concern_raising, voice_sessions

router = APIRouter(prefix="/api/v1", tags=["voice sessions"])

Responses = dict[int | str, dict[str, Any]]
NOT_YOURS: Responses = {404: {"description": "no such session for this link or sign-in"}}
LINK_ENDED: Responses = {
    410: {"description": "the child's link has expired, or the session or PEP is finished"}
}
PEP_LOCKED: Responses = {
    409: {"description": "the PEP is submitted or signed off: nothing is stored"}
}


@router.post(
    "/peps/{pep_id}/voice-sessions",
    status_code=201,
    responses={
        403: {"description": "only the child's DT, social worker or virtual school opens one"},
        404: {"description": "no PEP with that id on your caseload"},
        **PEP_LOCKED,
    },
)
def open_session(
    pep_id: str,
    data: VoiceSessionCreate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> VoiceSessionCreated:
    voice, token = voice_sessions.open_session(session, settings, user, pep_id, data)
    return VoiceSessionCreated(
        session_id=voice.id,
        child_url=voice_sessions.child_url(settings, voice, token),
        expires_at=voice.child_token_expires_at.isoformat(),
    )


@router.get("/voice-sessions", response_model=list[HelperSession])
def my_sessions(user: CurrentUser, session: SessionDep) -> list[dict[str, Any]]:
    """The sessions opened for a TA: what a helper's dashboard lists, while the child is theirs."""
    return [
        {
            "session_id": v.id,
            "pep_id": p.id,
            "child_first_name": c.first_name,
            "mode": v.mode.value,
            "status": v.status,
        }
        for v, p, c in voice_sessions.sessions_for_helper(session, user)
    ]


@router.get(
    "/voice-sessions/{session_id}",
    response_model=SessionProgress,
    responses={**NOT_YOURS, **LINK_ENDED},
)
def session_progress(
    caller: VoiceCaller, session: SessionDep, settings: SettingsDep
) -> dict[str, Any]:
    """Progress through the topics and any alert for the helper; never the child's words.

    Urgent concerns alert the helper; a review-tier one is the safeguarding lead's to read,
    except words the screen could not read (not in English), which the adult beside the child
    may. The child's link gets the progress only: an alert is about the child, for the adult.
    """
    voice, user = caller
    return voice_sessions.progress(session, settings, voice, for_adult=user is not None)


@router.post(
    "/voice-sessions/{session_id}/messages",
    response_model=ChatReply,
    responses={
        **NOT_YOURS,
        409: {
            "description": "the session is closed, the PEP is submitted or signed off (nothing "
            "is stored), or this message's turn is still running"
        },
        **LINK_ENDED,
        503: {"description": "the assistant is down or slow; the words are kept, retry"},
    },
)
def post_message(
    data: ChatMessageIn,
    credentials: VoiceCredentialsDep,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    """One chat turn (api.services.chat.take_turn), for a caller with the link or a sign-in."""
    voice, user = authorize_voice(request, session, settings, credentials)
    outcome = chat.take_turn(
        session,
        settings,
        voice,
        user,
        data.text,
        client_message_id=data.client_message_id,
        step_id=data.step_id,
    )
    reply = ChatReply.model_validate({"messages": outcome.messages, "step_id": outcome.step_id})
    return model_response(reply)


@router.get("/voice-sessions/{session_id}/conversation", responses={**NOT_YOURS, **LINK_ENDED})
def read_conversation(
    caller: VoiceCaller, session: SessionDep, settings: SettingsDep
) -> ConversationOut:
    """What a page needs to resume: the conversation so far and the open question."""
    voice, user = caller
    pep = voice_sessions.pep_of(session, voice)
    voice_sessions.audit_adult_read(session, voice, user, "voice_session.conversation_read")
    now = chat.where_it_stands(session, voice, pep)
    return ConversationOut.model_validate(
        {
            "entries": chat_transcript.conversation(session, settings, voice),
            "step_id": now.step_id,
            "reply": now.messages,
        }
    )


@router.post("/voice-sessions/{session_id}/help", responses=NOT_YOURS)
def press_help(caller: HelpCaller, session: SessionDep, settings: SettingsDep) -> ChatReply:
    """Always raised for an adult in the session, whatever the PEP's state, and from a child
    link that has ended (a page left open): safety first."""
    voice, user = caller
    messages = concern_raising.press_help(session, settings, voice, user)
    return ChatReply.model_validate({"messages": messages})


@router.put(
    "/voice-sessions/{session_id}/support",
    response_model=SupportOut,
    responses={**NOT_YOURS, **PEP_LOCKED, **LINK_ENDED},
)
def record_support(data: SupportWrite, caller: VoiceCaller, session: SessionDep) -> dict[str, Any]:
    voice, user = caller
    return {"support": voice_sessions.record_support(session, voice, user, list(data.support))}


@router.post(
    "/voice-sessions/{session_id}/close",
    response_model=SessionClosed,
    responses={**NOT_YOURS, 409: {"description": "the session is already closed"}},
)
def close_session(session_id: str, user: CurrentUser, session: SessionDep) -> dict[str, str]:
    voice = voice_sessions.close_session(session, user, session_id)
    return {"session_id": voice.id, "status": voice.status}
