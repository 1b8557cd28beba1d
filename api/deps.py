"""Typed dependencies shared by every router: the DB session, settings and the caller."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from api.audit_denials import ACTOR_KEY
from api.config import Settings, get_settings
from api.db.session import get_db_session
from api.errors import NotAuthenticated
from api.models import User, VoiceSession
from api.repositories import tokens as tokens_repo
from api.repositories import users as users_repo
from api.security import AccessClaims, same_secret
from api.services import audit, voice_sessions
from api.services.denials import Actor
from api.services.sign_in_throttle import SignInThrottle

SESSION_COOKIE = "pep_voice_session"

# The signed-in caller's type, for routers, which do not import the models themselves.
Caller = User

SessionDep = Annotated[Session, Depends(get_db_session, scope="function")]


async def app_settings() -> Settings:
    """The settings, read on the event loop: FastAPI runs a plain `def` dependency on a worker
    thread, a round trip that costs more than returning this cached object."""
    return get_settings()


SettingsDep = Annotated[Settings, Depends(app_settings)]

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)
BearerToken = Annotated[str | None, Depends(oauth2_scheme)]


def _user_from_token(session: Session, settings: Settings, token: str | None) -> User | None:
    if not token:
        return None
    claims = AccessClaims.read(token, secret=settings.secret_key)
    if claims is None or tokens_repo.is_revoked(session, claims.token_id):
        return None
    user = users_repo.by_id(session, claims.user_id)
    return user if user is not None and user.active else None


def optional_user(
    request: Request, session: SessionDep, settings: SettingsDep, token: BearerToken
) -> User | None:
    """The signed-in user from the bearer header, or from the pages' cookie.

    The caller is also kept on the request, so a refusal later in the request is audited
    against them (see api.audit_denials) without signing them in a second time.
    """
    user = _user_from_token(session, settings, token or request.cookies.get(SESSION_COOKIE))
    if user is not None:
        setattr(request.state, ACTOR_KEY, Actor(user_id=user.id, label=audit.label_for(user)))
    return user


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    if user is None:
        raise NotAuthenticated("sign in first: send a valid bearer token")
    return user


async def session_token(request: Request, token: BearerToken) -> str | None:
    """The token this caller signed in with: the bearer header first, else the pages' cookie."""
    return token or request.cookies.get(SESSION_COOKIE)


async def sign_in_throttle(request: Request) -> SignInThrottle:
    """One throttle per app (see create_app), so its counts live as long as the process."""
    throttle: SignInThrottle = request.app.state.sign_in_throttle
    return throttle


async def client_address(request: Request) -> str:
    """The caller's address as the server saw it (behind a proxy, run uvicorn --proxy-headers)."""
    return request.client.host if request.client else "unknown"


async def service_caller(settings: SettingsDep, token: BearerToken) -> None:
    """Only the action server, holding the service token, may write the child's answers."""
    if not token or not same_secret(token, settings.service_token):
        raise NotAuthenticated("this endpoint needs the service token")


OptionalUser = Annotated[User | None, Depends(optional_user)]
SessionToken = Annotated[str | None, Depends(session_token)]
ThrottleDep = Annotated[SignInThrottle, Depends(sign_in_throttle)]
ClientAddress = Annotated[str, Depends(client_address)]
CurrentUser = Annotated[User, Depends(current_user)]
ServiceCaller = Annotated[None, Depends(service_caller)]


@dataclass(frozen=True)
class VoiceCredentials:
    """What a call on a voice session is authorised by, read without the database."""

    session_id: str
    token: str | None


async def voice_credentials(session_id: str, token: BearerToken) -> VoiceCredentials:
    """Read on the event loop: the chat route checks them on its own worker thread, which saves
    a dependency's thread round trip on every message (see routes.voice_sessions.post_message)."""
    return VoiceCredentials(session_id=session_id, token=token)


VoiceCredentialsDep = Annotated[VoiceCredentials, Depends(voice_credentials)]


def authorize_voice(
    request: Request,
    session: Session,
    settings: Settings,
    credentials: VoiceCredentials,
    *,
    ended_ok: bool = False,
) -> tuple[VoiceSession, User | None]:
    """The voice session and the adult calling, if not the child's link; else 404 (or 410 for a
    child link that has ended, unless `ended_ok`: only the safety button, since a page left open
    must never leave a child who asks for help unheard).

    The user is read here, not through OptionalUser: every chat turn passes this way, and a
    dependency of its own would cost a second worker-thread round trip per message.
    """
    user = optional_user(request, session, settings, credentials.token)
    return voice_sessions.authorize(
        session, credentials.session_id, token=credentials.token, user=user, ended_ok=ended_ok
    )


def _voice_caller(*, ended_ok: bool) -> Callable[..., tuple[VoiceSession, User | None]]:
    """The dependency that authorises a call on a voice session (see `authorize_voice`)."""

    def caller(
        request: Request,
        session: SessionDep,
        settings: SettingsDep,
        credentials: VoiceCredentialsDep,
    ) -> tuple[VoiceSession, User | None]:
        found = authorize_voice(request, session, settings, credentials, ended_ok=ended_ok)
        # End the read here: on SQLite it holds the write lock, and the route's body runs on
        # another worker thread; a lock held across that hop can wait on every thread that is
        # itself waiting on the lock (the API stalled under load with all of them so).
        session.commit()
        return found

    return caller


voice_caller = _voice_caller(ended_ok=False)
help_caller = _voice_caller(ended_ok=True)


VoiceCaller = Annotated[tuple[VoiceSession, User | None], Depends(voice_caller)]
HelpCaller = Annotated[tuple[VoiceSession, User | None], Depends(help_caller)]
