"""The virtual school's flags: attendance below 95% and suspensions, told at once."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.schemas.school_data import FlagOut
from api.services import vs_flags

router = APIRouter(prefix="/api/v1/flags", tags=["virtual school flags"])


@router.get("")
def list_flags(
    user: CurrentUser, session: SessionDep, include_acknowledged: bool = False
) -> list[FlagOut]:
    """The flags for the caller's authority, newest first: the virtual school's only."""
    rows = vs_flags.list_flags(session, user, open_only=not include_acknowledged)
    return [FlagOut.model_validate(row) for row in rows]


@router.post(
    "/{flag_id}/acknowledge",
    responses={404: {"description": "no flag with that id for your authority's virtual school"}},
)
def acknowledge_flag(flag_id: str, user: CurrentUser, session: SessionDep) -> FlagOut:
    """The virtual school has seen it; acknowledging again keeps the first acknowledgement."""
    return FlagOut.model_validate(vs_flags.acknowledge(session, user, flag_id))
