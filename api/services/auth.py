"""Signing in with a username and password."""

from __future__ import annotations

from sqlalchemy.orm import Session

from api.config import Settings
from api.errors import NotAuthenticated
from api.repositories import users as users_repo
from api.schemas.common import unstorable_character
from api.security import DUMMY_HASH, create_access_token, verify_password


def sign_in(session: Session, settings: Settings, username: str, password: str) -> str:
    """An access token for a valid, active user. One message for every failure, by design."""
    # No username holds a control character, and PostgreSQL refuses NUL in a query.
    user = None if unstorable_character(username) else users_repo.by_username(session, username)
    if user is None:
        verify_password(DUMMY_HASH, password)
        raise NotAuthenticated("the username or password is not right")
    if not user.active or not verify_password(user.password_hash, password):
        raise NotAuthenticated("the username or password is not right")
    return create_access_token(
        user.id, secret=settings.secret_key, minutes=settings.access_token_minutes
    )
