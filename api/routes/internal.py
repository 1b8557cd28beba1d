"""Endpoints only the action server calls, with the service token: the child's answers as given."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.responses import JSONResponse

from api.deps import ServiceCaller, SessionDep, SettingsDep
from api.errors import Conflict
from api.responses import model_response
from api.schemas.voice import (
    AfterMeetingWrite,
    BotSessionState,
    ConcernRaised,
    ConcernWrite,
    MeetingWrite,
    Saved,
    SummaryWrite,
    TopicWrite,
    TurnApplied,
    TurnReplyWrite,
    TurnWrite,
)
from api.services import bot_state, bot_turns, bot_writes

router = APIRouter(prefix="/api/v1/internal/voice-sessions", tags=["internal (action server)"])

OK = Saved(status="saved")
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "the service token is missing or wrong"},
    404: {"description": "no such voice session (or topic, or turn)"},
    409: {
        "description": "the PEP is submitted or signed off, or this conversation does not "
        "write that part: nothing is stored"
    },
}
LOCKED_DETAIL = "the PEP is submitted or signed off: nothing more can be added to the child's views"
TurnId = Annotated[str | None, Header(alias="X-Turn-Id", max_length=32)]


def first_time(
    request: Request,
    session: SessionDep,
    turn_id: TurnId = None,
) -> Callable[[], bool]:
    """Asks, inside the route, whether this turn already made this write: a re-run turn must
    not repeat it.

    Claimed in the route's body, not here: the claim takes SQLite's write lock, and the body
    runs on another worker thread; a lock held across that hop can wait on every thread that
    is itself waiting on the lock.
    """

    def claim() -> bool:
        if not turn_id:
            return True
        return bot_writes.claim_write(session, turn_id, f"{request.method} {request.url.path}")

    return claim


FirstTime = Annotated[Callable[[], bool], Depends(first_time)]


@router.get("/{session_id}", response_model=BotSessionState)
def state(
    session_id: str,
    _service: ServiceCaller,
    session: SessionDep,
    settings: SettingsDep,
    turn_id: TurnId = None,
) -> dict[str, Any]:
    """Where the session stands; with a turn id, that turn's stored reply if it has one.

    `emails_concerns` tells the bot what it may promise a child who asks for a grown-up.
    """
    voice = bot_writes.session_or_404(session, session_id)
    return {
        **bot_state.bot_state(session, settings, voice),
        "turn_reply": bot_writes.turn_reply(session, session_id, turn_id),
        "open_slots": bot_state.open_slots(session, voice),
    }


@router.put("/{session_id}/topics/{topic}", responses=WRITE_RESPONSES)
def write_topic(
    session_id: str,
    topic: str,
    data: TopicWrite,
    _service: ServiceCaller,
    session: SessionDep,
    settings: SettingsDep,
    first: FirstTime,
) -> Saved:
    """The child's answer; a very sad or sad face about school raises a concern."""
    if first():
        bot_writes.write_topic(session, settings, session_id, topic, data)
    return OK


@router.put("/{session_id}/meeting", responses=WRITE_RESPONSES)
def write_meeting(
    session_id: str,
    data: MeetingWrite,
    _service: ServiceCaller,
    session: SessionDep,
    first: FirstTime,
) -> Saved:
    if first():
        bot_writes.write_meeting(session, session_id, data)
    return OK


@router.put("/{session_id}/summary", responses=WRITE_RESPONSES)
def write_summary(
    session_id: str,
    data: SummaryWrite,
    _service: ServiceCaller,
    session: SessionDep,
    first: FirstTime,
) -> Saved:
    if first():
        bot_writes.write_summary(session, session_id, data)
    return OK


@router.put("/{session_id}/after-meeting", responses=WRITE_RESPONSES)
def write_after_meeting(
    session_id: str,
    data: AfterMeetingWrite,
    _service: ServiceCaller,
    session: SessionDep,
    first: FirstTime,
) -> Saved:
    if first():
        bot_writes.write_after_meeting(session, session_id, data)
    return OK


@router.post(
    "/{session_id}/concerns",
    status_code=201,
    response_model=ConcernRaised,
    responses={
        401: WRITE_RESPONSES[401],
        404: {"description": "no such voice session"},
    },
)
def raise_concern(
    session_id: str,
    data: ConcernWrite,
    _service: ServiceCaller,
    session: SessionDep,
    settings: SettingsDep,
    first: FirstTime,
) -> dict[str, str]:
    """Raised even on a submitted or signed-off PEP: a disclosure is never refused."""
    if first():
        bot_writes.write_concern(session, settings, session_id, data)
    return {"status": "raised"}


@router.post("/{session_id}/complete", responses=WRITE_RESPONSES)
def complete(
    session_id: str, _service: ServiceCaller, session: SessionDep, first: FirstTime
) -> Saved:
    if first():
        bot_writes.complete(session, session_id)
    return OK


@router.put("/{session_id}/turns/{turn_id}/reply", responses=WRITE_RESPONSES)
def write_turn_reply(
    session_id: str,
    turn_id: str,
    data: TurnReplyWrite,
    _service: ServiceCaller,
    session: SessionDep,
) -> Saved:
    """What the bot said for one turn, kept even if the API's own request gave up waiting."""
    bot_writes.write_turn_reply(session, session_id, turn_id, data)
    return OK


@router.put(
    "/{session_id}/turns/{turn_id}",
    response_model=TurnApplied,
    responses=WRITE_RESPONSES,
)
def write_turn(
    session_id: str,
    turn_id: str,
    data: TurnWrite,
    _service: ServiceCaller,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    """A whole turn in one call: the writes it decided, in order, and what it said, once.

    A turn already answered writes nothing and gets back the reply it gave then. On a PEP
    submitted or signed off meanwhile, the turn's concerns are still raised and the rest is a
    409 (the concerns are committed with it: a disclosure is never refused).
    """
    applied = bot_turns.store_turn(session, settings, session_id, turn_id, data)
    if applied.status == bot_turns.LOCKED:
        return JSONResponse(
            {"detail": LOCKED_DETAIL, "errors": []}, status_code=Conflict.status_code
        )
    turn = TurnApplied.model_validate({"status": applied.status, "stored": applied.stored})
    return model_response(turn)
