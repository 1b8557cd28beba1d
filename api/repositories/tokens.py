"""The revoked-token list: written on sign-out, read on every signed-in request."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.db.base import utcnow
from api.models import RevokedToken


def revoke(session: Session, token_id: str, expires_at: datetime) -> None:
    """Idempotent: signing out twice with one token keeps one row. Expired rows are pruned
    here, since an expired token is refused on its signature alone."""
    session.execute(delete(RevokedToken).where(RevokedToken.expires_at < utcnow()))
    if session.get(RevokedToken, token_id) is None:
        session.add(RevokedToken(token_id=token_id, expires_at=expires_at))
    session.flush()


def is_revoked(session: Session, token_id: str) -> bool:
    stmt = select(RevokedToken.token_id).where(RevokedToken.token_id == token_id)
    return session.scalar(stmt) is not None
