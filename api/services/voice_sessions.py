"""Opening a voice session and deciding who may speak in it.

The child gets a short-lived link that opens this one session only; the token travels in the
link's fragment, so it never reaches a server log. Adults reach the session with their own
sign-in: the DT or SW who opened it, or the TA it was opened for.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from api.config import Settings
from api.errors import Conflict, Forbidden, NotFound, Unprocessable
from api.models import Pep, User, VoiceSession
from api.models.enums import HelperRole, Role
from api.repositories import users as users_repo
from api.repositories import views as views_repo
from api.repositories import voice as voice_repo
from api.schemas.voice import VoiceSessionCreate
from api.security import new_child_token, token_digest
from api.services import audit
from api.services.access import pep_for

OPENERS = {Role.DESIGNATED_TEACHER, Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL}
SESSION_NOT_FOUND = "no voice session with that id for you"


def open_session(
    session: Session, settings: Settings, user: User, pep_id: str, data: VoiceSessionCreate
) -> tuple[VoiceSession, str]:
    pep, child = pep_for(session, user, pep_id)
    if user.role not in OPENERS:
        raise Forbidden("a voice session is opened by the child's DT or social worker")
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
    )
    voice_repo.add(session, voice)
    ypv = views_repo.get_or_create_view(session, pep.id)
    ypv.completed_with_role = data.helper_role.value
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


def _helper_for(session: Session, school_id: str | None, data: VoiceSessionCreate) -> User | None:
    """The TA this session is for: named, or the only TA at the child's school."""
    if data.helper_role != HelperRole.TEACHING_ASSISTANT:
        return None
    candidates = users_repo.teaching_assistants_at(session, school_id) if school_id else []
    if data.helper_username:
        named = [ta for ta in candidates if ta.username == data.helper_username]
        if not named:
            raise Unprocessable(
                "helper_username: no teaching assistant with that username at the child's school"
            )
        return named[0]
    if len(candidates) != 1:
        raise Unprocessable("helper_username: name the teaching assistant who will help")
    return candidates[0]


def child_url(settings: Settings, voice: VoiceSession, token: str) -> str:
    return f"{settings.base_url}/chat/{voice.id}#t={token}"


def session_for_child(session: Session, session_id: str, token: str) -> VoiceSession | None:
    voice = voice_repo.session_by_token_digest(session, token_digest(token))
    if voice is None or voice.id != session_id:
        return None
    expires = voice.child_token_expires_at
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    if expires < datetime.now(UTC) or voice.status == "closed":
        return None
    return voice


def session_for_adult(session: Session, user: User, session_id: str) -> VoiceSession | None:
    voice = voice_repo.session_by_id(session, session_id)
    if voice is None:
        return None
    if user.id in (voice.opened_by_id, voice.helper_user_id):
        return voice
    return None


def authorize(
    session: Session, session_id: str, *, token: str | None, user: User | None
) -> tuple[VoiceSession, User | None]:
    """The session if the caller holds its child link or is one of its adults; else 404."""
    if token:
        voice = session_for_child(session, session_id, token)
        if voice is not None:
            return voice, None
    if user is not None:
        voice = session_for_adult(session, user, session_id)
        if voice is not None:
            return voice, user
    raise NotFound(SESSION_NOT_FOUND)


def pep_of(session: Session, voice: VoiceSession) -> Pep:
    from api.repositories import peps as peps_repo

    pep = peps_repo.by_id(session, voice.pep_id)
    if pep is None:
        raise NotFound(SESSION_NOT_FOUND)
    return pep


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
