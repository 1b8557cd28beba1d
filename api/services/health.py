"""Whether the API can serve: its database answers and its models are loaded."""

from __future__ import annotations

from sqlalchemy.orm import Session

from api.repositories import database
from api.warmup import models_state


def state(session: Session) -> dict[str, str]:
    """What `GET /api/v1/health` reports; a database that does not answer raises."""
    database.ping(session)
    return {"status": "ok", "database": "ok", "models": models_state()}
