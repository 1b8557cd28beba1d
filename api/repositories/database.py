"""The database itself, as a load balancer's health check asks after it."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def ping(session: Session) -> None:
    """A round trip to the database; raises if it does not answer."""
    session.execute(text("SELECT 1"))
