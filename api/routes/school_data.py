"""The school's data for the term on a PEP: read by everyone who may see the PEP, written whole
by the designated teacher or the virtual school."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.schemas.school_data import SchoolDataOut, SchoolDataWrite
from api.services import school_data

router = APIRouter(prefix="/api/v1/peps", tags=["school data"])


@router.get(
    "/{pep_id}/school-data",
    responses={404: {"description": "no PEP with that id on your caseload"}},
)
def get_school_data(pep_id: str, user: CurrentUser, session: SessionDep) -> SchoolDataOut:
    """Attendance, punctuality, timetable, suspensions and attainment this term."""
    return SchoolDataOut.model_validate(school_data.read(session, user, pep_id))


@router.put(
    "/{pep_id}/school-data",
    responses={
        403: {"description": "only the designated teacher or the virtual school records it"},
        404: {"description": "no PEP with that id on your caseload"},
        409: {
            "description": "the PEP is submitted or signed off, or (with based_on) the record "
            "was saved by someone else since it was read: nothing is stored"
        },
        422: {
            "description": "a percentage outside 0 to 100 or with more than one decimal place, "
            "more sessions attended than possible, an impossible date, or unstorable text; "
            "`errors` names each field"
        },
    },
)
def put_school_data(
    pep_id: str, data: SchoolDataWrite, user: CurrentUser, session: SessionDep
) -> SchoolDataOut:
    """The whole term's record, lists included, so sending it again changes nothing.

    Attendance below 95% or any suspension raises a flag with the virtual school, once.
    """
    return SchoolDataOut.model_validate(school_data.write(session, user, pep_id, data))
