"""A child's audit trail as the virtual school reads it over the API."""

from __future__ import annotations

from pydantic import BaseModel


class AuditTrailEntry(BaseModel):
    """One row: when, who (a staff member, or the assistant or child's link), what, and where
    a refusal was for; ids and action names only, never the child's words."""

    at: str
    who: str
    role: str | None
    action: str
    what: str
    pep_id: str | None
    detail: str | None
    denied: bool


class AuditTrail(BaseModel):
    child_id: str
    limit: int
    entries: list[AuditTrailEntry]
