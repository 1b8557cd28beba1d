"""PEPs and their sections."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.schemas.contributor_views import ContributorViewCreate, ContributorViewOut
from api.schemas.peps import (
    MeetingActionOut,
    MeetingActionsOut,
    MeetingActionsUpdate,
    PepCreate,
    PepOut,
    PepSummary,
    PepUpdate,
    SectionOut,
    SectionUpdate,
)
from api.schemas.views import YoungPersonsView
from api.services import contributor_views as contributor_views_service
from api.services import meeting_record, pep_cycle
from api.services import peps as peps_service
from api.services import views as views_service
from api.services.presenters import pep_out, pep_summary

router = APIRouter(prefix="/api/v1/peps", tags=["peps"])


@router.get("")
def list_peps(user: CurrentUser, session: SessionDep) -> list[PepSummary]:
    return [pep_summary(p, c) for p, c in peps_service.list_peps(session, user)]


@router.post(
    "",
    status_code=201,
    responses={
        409: {
            "description": "the child already has an open PEP (not yet signed off): carry on "
            "with that one; the next is started once it is signed off"
        },
    },
)
def create_pep(data: PepCreate, user: CurrentUser, session: SessionDep) -> PepOut:
    """A new PEP in draft. A child has one open PEP at a time."""
    pep, child = peps_service.create_pep(session, user, data)
    return pep_out(session, pep, child)


@router.get("/{pep_id}")
def get_pep(pep_id: str, user: CurrentUser, session: SessionDep) -> PepOut:
    pep, child = peps_service.get_pep(session, user, pep_id)
    return pep_out(session, pep, child)


@router.post(
    "/{pep_id}/next",
    status_code=201,
    responses={
        403: {"description": "only the child's social worker or the virtual school starts it"},
        409: {"description": "the PEP is not signed off, or its next PEP was already started"},
    },
)
def start_next_pep(pep_id: str, user: CurrentUser, session: SessionDep) -> PepOut:
    """Next term's review PEP, in draft, with this PEP's targets carried over for review."""
    pep, child = pep_cycle.start_next_pep(session, user, pep_id)
    return pep_out(session, pep, child)


@router.patch("/{pep_id}")
def update_pep(pep_id: str, data: PepUpdate, user: CurrentUser, session: SessionDep) -> PepOut:
    pep, child = peps_service.update_pep(session, user, pep_id, data)
    return pep_out(session, pep, child)


@router.get("/{pep_id}/sections/{key}")
def get_section(pep_id: str, key: str, user: CurrentUser, session: SessionDep) -> SectionOut:
    row = peps_service.get_section(session, user, pep_id, key)
    return SectionOut(
        pep_id=pep_id,
        key=key,
        title=peps_service.SECTION_TITLES[key],
        content=row.content if row else {},
        updated_at=row.updated_at.isoformat() if row else None,
    )


@router.put("/{pep_id}/sections/{key}")
def put_section(
    pep_id: str, key: str, data: SectionUpdate, user: CurrentUser, session: SessionDep
) -> SectionOut:
    row = peps_service.put_section(session, user, pep_id, key, data.content)
    return SectionOut(
        pep_id=pep_id,
        key=key,
        title=peps_service.SECTION_TITLES[key],
        content=row.content,
        updated_at=row.updated_at.isoformat(),
    )


# Unset is left out: `withheld` appears only on a withheld answer, as the contract says.
@router.get("/{pep_id}/young-persons-view", response_model_exclude_unset=True)
def young_persons_view(pep_id: str, user: CurrentUser, session: SessionDep) -> YoungPersonsView:
    return YoungPersonsView.model_validate(views_service.read_view(session, user, pep_id))


NOT_ON_CASELOAD: dict[int | str, dict[str, Any]] = {
    404: {"description": "no PEP with that id on your caseload"}
}


@router.get("/{pep_id}/contributor-views", responses=NOT_ON_CASELOAD)
def list_contributor_views(
    pep_id: str, user: CurrentUser, session: SessionDep
) -> list[ContributorViewOut]:
    """The carer's, the school's and the child's at-meeting views: never part of My views."""
    rows = contributor_views_service.list_views(session, user, pep_id)
    return [ContributorViewOut.model_validate(row) for row in rows]


@router.post(
    "/{pep_id}/contributor-views",
    status_code=201,
    responses={
        403: {
            "description": "a carer's view is recorded by the SW or DT, the school's by the DT, "
            "the child's at the meeting by the SW or DT"
        },
        **NOT_ON_CASELOAD,
        409: {"description": "the PEP is submitted or signed off: nothing is stored"},
        422: {"description": "empty, over-long or unstorable text, named by its field"},
    },
)
def record_contributor_view(
    pep_id: str, data: ContributorViewCreate, user: CurrentUser, session: SessionDep
) -> ContributorViewOut:
    row = contributor_views_service.record_view(session, user, pep_id, data)
    return ContributorViewOut.model_validate(row)


@router.put(
    "/{pep_id}/meeting-actions",
    responses={
        403: {
            "description": "the actions are recorded by the school, the social worker or "
            "the virtual school"
        },
        **NOT_ON_CASELOAD,
        409: {"description": "the PEP is submitted or signed off: nothing is stored"},
        422: {"description": "an action without its words, an owner or a sane due date"},
    },
)
def put_meeting_actions(
    pep_id: str, data: MeetingActionsUpdate, user: CurrentUser, session: SessionDep
) -> MeetingActionsOut:
    """The actions agreed at the meeting, as a whole list: what, who and by when. Sending the
    same list again changes nothing; an empty list clears them."""
    pep, rows = meeting_record.put_actions(session, user, pep_id, data.actions)
    return MeetingActionsOut(
        pep_id=pep.id,
        actions=[
            MeetingActionOut(text=r.text, owner=r.owner, due_date=r.due_date, done=r.done)
            for r in rows
        ],
    )
