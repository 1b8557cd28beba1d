"""Signing in with a username and password, and signing out for good."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.config import Settings
from api.errors import NotAuthenticated, TooManyAttempts
from api.models import User
from api.repositories import tokens as tokens_repo
from api.repositories import users as users_repo
from api.schemas.common import unstorable_character
from api.security import DUMMY_HASH, AccessClaims, create_access_token, verify_password
from api.services import audit
from api.services.sign_in_throttle import SignInThrottle, username_key

WRONG = "the username or password is not right"
PAUSED = "too many failed sign-ins: wait {minutes} and try again"


def _wait_words(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def sign_in(
    session: Session,
    settings: Settings,
    throttle: SignInThrottle,
    username: str,
    password: str,
    *,
    client: str,
) -> str:
    """An access token for a valid, active user. One message for every failure, by design.

    A paused name or client is refused before any password is verified, with the same answer
    whether or not the name exists, and even when the password is right.
    """
    name_key = username_key(settings, username)
    wait = throttle.retry_after(name_key, client)
    if wait is not None:
        raise TooManyAttempts(PAUSED.format(minutes=_wait_words(wait)), retry_after=wait)
    # No username holds a control character, and PostgreSQL refuses NUL in a query.
    user = None if unstorable_character(username) else users_repo.by_username(session, username)
    if user is None:
        verify_password(DUMMY_HASH, password)
    elif user.active and verify_password(user.password_hash, password):
        return create_access_token(
            user.id, secret=settings.secret_key, minutes=settings.access_token_minutes
        )
    throttle.failed(name_key, client)
    audit.record(
        session,
        None,
        "sign-in failed",
        detail=f"client {client}; username hash {name_key}",
        actor_label="anonymous",
    )
    session.commit()  # the failure is kept although the caller is answered with an error
    raise NotAuthenticated(WRONG)


def sign_out(session: Session, settings: Settings, token: str | None) -> None:
    """Revoke the token on the server, so a copy of it (a stolen cookie) opens nothing more."""
    claims = AccessClaims.read(token, secret=settings.secret_key) if token else None
    if claims is None:
        return
    tokens_repo.revoke(session, claims.token_id, claims.expires_at)
    audit.record(session, users_repo.by_id(session, claims.user_id), "signed out")


def profile(session: Session, user: User) -> dict[str, Any]:
    """Who is signed in, as `/auth/me` tells a client: name, role and school."""
    school = users_repo.school(session, user.school_id)
    return {
        "username": user.username,
        "full_name": user.full_name,
        "role": user.role.value,
        "school": school.name if school else None,
    }
