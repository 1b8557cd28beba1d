"""Opening a voice session and deciding who may speak in it.

The child gets a short-lived link that opens this one session only; the token travels in the
link's fragment, so it never reaches a server log. The link ends (410) when it expires, when the
session is closed, or when the PEP is submitted or signed off. Adults reach the session with
their own sign-in: the DT or SW who opened it, or the TA it was opened for, and only while the
child is still theirs: the caseload is checked on every call, not once when the session opened.
Nothing the child's voice writes may land on a PEP that has gone for QA or been signed off.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from api.config import Settings
from api.errors import Conflict, Forbidden, Gone, NotFound, Unprocessable
from api.models import Child, Pep, User, VoiceSession
from api.models.enums import ConcernStatus, ConcernTier, HelperRole, PepStatus, Role, VoiceMode
from api.repositories import children as children_repo
from api.repositories import peps as peps_repo
from api.repositories import users as users_repo
from api.repositories import views as views_repo
from api.repositories import voice as voice_repo
from api.schemas.voice import VoiceSessionCreate
from api.security import new_child_token, token_digest
from api.services import audit
from api.services.access import pep_for
from api.services.peps import age_band
from api.services.screening import OTHER_LANGUAGE, helper_alert, unread_alert

OPENERS = {Role.DESIGNATED_TEACHER, Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL}
SESSION_NOT_FOUND = "no voice session with that id for you"
LOCKED_STATUSES = {PepStatus.SUBMITTED, PepStatus.SIGNED_OFF}
LINK_EXPIRED = "This link has expired. Ask the adult helping you for a new one."
LINK_CLOSED = "This conversation has finished. Thank you for taking part."
LINK_PEP_SENT = "This conversation has finished: your plan has been sent on. Thank you."


# The after-meeting check-back is about the meeting, and a school often submits the PEP on the
# meeting day: that conversation stays open until sign-off, so the child's view of the meeting
# reaches the PEP the virtual school signs. Every other conversation ends at submission.
LOCKED_FOR_MODE = {VoiceMode.MEETING_REVIEW: frozenset({PepStatus.SIGNED_OFF})}


def locked_statuses(mode: VoiceMode | None) -> frozenset[PepStatus] | set[PepStatus]:
    """The PEP statuses in which a conversation of `mode` takes no more of the child's words."""
    return LOCKED_FOR_MODE.get(mode, LOCKED_STATUSES) if mode else LOCKED_STATUSES


def ensure_pep_open(pep: Pep, mode: VoiceMode | None = None) -> None:
    """A submitted or signed-off PEP is what QA read and signed: no voice writes after that
    (after the meeting: none after sign-off)."""
    if pep.status in locked_statuses(mode):
        raise Conflict(
            f"the PEP is {pep.status.value.replace('_', ' ')}: nothing more can be added to the "
            "child's views"
        )


def open_session(
    session: Session, settings: Settings, user: User, pep_id: str, data: VoiceSessionCreate
) -> tuple[VoiceSession, str]:
    pep, child = pep_for(session, user, pep_id)
    if user.role not in OPENERS:
        raise Forbidden("a voice session is opened by the child's DT or social worker")
    ensure_pep_open(pep, data.mode)
    helper = _helper_for(session, child.school_id, data)
    token = new_child_token()
    voice = VoiceSession(
        pep_id=pep.id,
        mode=data.mode,
        helper_role=data.helper_role,
        helper_user_id=helper.id if helper else None,
        opened_by_id=user.id,
        child_token_hash=token_digest(token),
        child_token_expires_at=datetime.now(UTC) + timedelta(minutes=settings.child_link_minutes),
        status="open",
        support=list(data.support),
        helper_name=_helper_name(user, helper, data),
        interpreter_language=data.interpreter_language,
    )
    voice_repo.add(session, voice)
    if data.mode == VoiceMode.MY_VIEWS:
        # "My views" keeps its own helper: getting ready for the meeting with the social
        # worker later must not rewrite who helped the child give their views.
        ypv = views_repo.get_or_create_view(session, pep.id)
        ypv.completed_with_role = data.helper_role.value
        ypv.completed_with_name = voice.helper_name
        ypv.interpreter_language = data.interpreter_language
        if data.support:
            ypv.support = sorted(set(ypv.support or []) | set(data.support))
    audit.record(
        session,
        user,
        "voice_session.open",
        child_id=child.id,
        pep_id=pep.id,
        detail=f"{data.mode.value} with {data.helper_role.value}",
    )
    return voice, token


def _helper_name(user: User, helper: User | None, data: VoiceSessionCreate) -> str | None:
    """Who helped, by name: as typed, else the teaching assistant named, else the opener when
    the opener is the helper; nobody when the child is on their own."""
    if data.helper_name:
        return data.helper_name
    if helper is not None:
        return helper.full_name
    if data.helper_role.value == user.role.value:
        return user.full_name
    return None


def _helper_for(session: Session, school_id: str | None, data: VoiceSessionCreate) -> User | None:
    """The TA this session is for: named, or the only TA at the child's school."""
    if data.helper_role != HelperRole.TEACHING_ASSISTANT:
        return None
    candidates = users_repo.teaching_assistants_at(session, school_id) if school_id else []
    if data.helper_username:
        named = [ta for ta in candidates if ta.username == data.helper_username]
        if not named:
            raise Unprocessable(
                "helper_username", "no teaching assistant with that username at the child's school"
            )
        return named[0]
    if len(candidates) != 1:
        raise Unprocessable("helper_username", "name the teaching assistant who will help")
    return candidates[0]


def child_url(settings: Settings, voice: VoiceSession, token: str) -> str:
    return f"{settings.base_url}/chat/{voice.id}#t={token}"


def by_id(session: Session, session_id: str) -> VoiceSession | None:
    """The session a link names, whoever holds the link; its token is checked elsewhere."""
    return voice_repo.session_by_id(session, session_id)


def link_ended(session: Session, voice: VoiceSession) -> str | None:
    """Why the child's link no longer opens this session, in words for the child; None if open."""
    expires = voice.child_token_expires_at
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    pep = peps_repo.by_id(session, voice.pep_id)
    if pep is None or pep.status in locked_statuses(voice.mode):
        return LINK_PEP_SENT
    if voice.status == "closed":
        return LINK_CLOSED
    if expires < datetime.now(UTC):
        return LINK_EXPIRED
    return None


def session_for_child(
    session: Session, session_id: str, token: str, *, ended_ok: bool = False
) -> VoiceSession | None:
    """The session this link opens, if it is this session's; Gone if the link has ended,
    unless `ended_ok` (the safety button, which works on a page left open after the end)."""
    found = voice_repo.session_by_token_digest(session, token_digest(token))
    if found is None or found[0].id != session_id:
        return None
    # The PEP is held while `link_ended` reads it: this unit of work keeps only weak references,
    # so it is found there rather than read again.
    voice, _pep = found
    ended = link_ended(session, voice)
    if ended and not ended_ok:
        raise Gone(ended)
    return voice


def _still_helps(session: Session, user: User, voice: VoiceSession) -> bool:
    """Whether the child is still on this adult's caseload, checked now, not at opening."""
    if user.id == voice.opened_by_id and peps_repo.visible_pep(session, user, voice.pep_id):
        return True
    if user.id != voice.helper_user_id or user.role != Role.TEACHING_ASSISTANT:
        return False
    pep = peps_repo.by_id(session, voice.pep_id)
    child: Child | None = children_repo.by_id(session, pep.child_id) if pep else None
    return (
        child is not None
        and user.school_id is not None
        and user.school_id == child.school_id
        and user.authority_id == child.authority_id
    )


def session_for_adult(session: Session, user: User, session_id: str) -> VoiceSession | None:
    voice = voice_repo.session_by_id(session, session_id)
    if voice is None or not _still_helps(session, user, voice):
        return None
    return voice


def authorize(
    session: Session,
    session_id: str,
    *,
    token: str | None,
    user: User | None,
    ended_ok: bool = False,
) -> tuple[VoiceSession, User | None]:
    """The session if the caller holds its child link or is one of its adults; else 404.

    A link that was this session's and has ended is a 410, with words the child can read
    (unless `ended_ok`).
    """
    if token:
        voice = session_for_child(session, session_id, token, ended_ok=ended_ok)
        if voice is not None:
            return voice, None
    if user is not None:
        voice = session_for_adult(session, user, session_id)
        if voice is not None:
            return voice, user
    raise NotFound(SESSION_NOT_FOUND)


def pep_of(session: Session, voice: VoiceSession) -> Pep:
    pep = peps_repo.by_id(session, voice.pep_id)
    if pep is None:
        raise NotFound(SESSION_NOT_FOUND)
    return pep


def session_now(session: Session, voice: VoiceSession) -> tuple[Pep, Child]:
    """`voice`, its PEP and its child read again in this transaction, in one statement, even
    if loaded before: what a turn is about to check (is the PEP still open?) must not be an
    earlier transaction's word. A caller that holds the two finds them in its unit of work
    afterwards (the bot's state reads both) instead of reading them again."""
    found = voice_repo.session_now(session, voice.id)
    if found is None:
        raise NotFound(SESSION_NOT_FOUND)
    return found[1], found[2]


def close_session(session: Session, user: User, session_id: str) -> VoiceSession:
    voice = session_for_adult(session, user, session_id)
    if voice is None:
        raise NotFound(SESSION_NOT_FOUND)
    if voice.status == "closed":
        raise Conflict("the session is already closed")
    voice.status = "closed"
    pep = pep_of(session, voice)
    audit.record(session, user, "voice_session.close", child_id=pep.child_id, pep_id=pep.id)
    return voice


def sessions_for_helper(session: Session, user: User) -> list[tuple[VoiceSession, Pep, Child]]:
    """The sessions opened for this helper whose child is still theirs; one audited list read."""
    rows = [
        row
        for row in voice_repo.sessions_for_helper(session, user.id)
        if session_for_adult(session, user, row[0].id) is not None
    ]
    audit.record_list(session, user, "voice_session.list", len(rows), "voice sessions")
    return rows


def record_support(
    session: Session, voice: VoiceSession, user: User | None, support: list[str]
) -> list[str]:
    """The support the child had, on the session and the view; audited as a change to the
    child's views, by the adult or by the child's link, counted rather than listed."""
    pep = pep_of(session, voice)
    ensure_pep_open(pep, voice.mode)
    chosen = sorted(set(support))
    views_repo.get_or_create_view(session, pep.id).support = chosen
    voice.support = chosen
    audit.record(
        session,
        user,
        "voice_session.support",
        child_id=pep.child_id,
        pep_id=pep.id,
        actor_label=None if user else f"child link ({voice.id[:8]})",
        detail=f"{len(chosen)} kinds of support",
    )
    return chosen


def audit_adult_read(session: Session, voice: VoiceSession, user: User | None, action: str) -> None:
    """An adult reading the child's words is audited; the child reading their own is not."""
    if user is None:
        return
    pep = pep_of(session, voice)
    audit.record(session, user, action, child_id=pep.child_id, pep_id=pep.id)


def progress(
    session: Session, settings: Settings, voice: VoiceSession, *, for_adult: bool
) -> dict[str, Any]:
    """Progress through the topics and any alert for the helper; never the child's words.

    Urgent concerns alert the helper; a review-tier one is the safeguarding lead's to read,
    except words the screen could not read: the adult beside the child may read the language,
    so they are told. The child's link gets the progress only: an alert is for the adult.
    """
    pep = pep_of(session, voice)
    child = children_repo.by_id(session, pep.child_id)
    topics = views_repo.topics(session, pep.id)
    open_concerns = [
        c
        for c in (voice_repo.concerns_for_session(session, voice.id) if for_adult else ())
        if c.status == ConcernStatus.OPEN
    ]
    open_kinds = sorted({c.kind.value for c in open_concerns if c.tier == ConcernTier.URGENT})
    alerts = [helper_alert(open_kinds, emailed=settings.emails_concerns)] if open_kinds else []
    if any(c.source == OTHER_LANGUAGE for c in open_concerns):
        alerts.append(unread_alert(voice.interpreter_language))
    return {
        "session_id": voice.id,
        "mode": voice.mode.value,
        "status": voice.status,
        "child_first_name": child.first_name if child else None,
        "age_band": age_band(child).value if child else None,
        "topics": {key: row.status.value for key, row in topics.items()},
        "alerts": alerts,
        "alert_kinds": open_kinds,
    }
