"""Children and PEPs: listing, starting, updating, and the sections each role writes.

Sections follow Bradford's shape. Who writes what follows the policies: A and C by the social
worker, D by the school, E by the virtual school; B is the child's own views, written only by
the assistant. The virtual school may correct any section but B.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from api.errors import Conflict, Forbidden, NotFound
from api.models import Child, Pep, PepSection, User
from api.models.enums import AgeBand, PepStatus, PepType, Role, age_band_for_year
from api.repositories import children as children_repo
from api.repositories import peps as peps_repo
from api.repositories import users as users_repo
from api.schemas.common import EARLIEST_RECORD
from api.schemas.peps import ChildCreate, PepCreate, PepUpdate, SectionUpdate
from api.services import audit
from api.services.access import child_for, pep_for
from api.services.life_dates import before_birth, refuse

SECTION_TITLES = {
    "A": "PEP type and details",
    "B": "The child's views",
    "C": "Education arrangements and actions",
    "D": "Targets, progress, SEND and education summary",
    "E": "Virtual school sign-off",
}
SECTION_WRITERS: dict[str, set[Role]] = {
    "A": {Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL},
    "B": set(),
    "C": {Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL},
    "D": {Role.DESIGNATED_TEACHER, Role.VIRTUAL_SCHOOL},
    "E": {Role.VIRTUAL_SCHOOL},
}
EDITABLE_STATUSES = {PepStatus.DRAFT, PepStatus.RETURNED}
# A PEP is open until the virtual school signs it off: in draft, sent for sign-off, or sent
# back. A child has at most one open PEP; the next is started once it is signed off.
OPEN_STATUSES = frozenset({PepStatus.DRAFT, PepStatus.SUBMITTED, PepStatus.RETURNED})


class OpenPepExists(Conflict):
    """The child already has an open PEP: a second would split the term's record in two."""

    def __init__(self, pep: Pep) -> None:
        super().__init__(
            f"this child already has an open PEP ({pep.term}, "
            f"{pep.status.value.replace('_', ' ')}, id {pep.id}): carry on with that one; "
            "another PEP can be started once it is signed off"
        )
        self.pep_id = pep.id


def child_age(child: Child, on: date | None = None) -> int:
    on = on or date.today()
    dob = child.date_of_birth
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def age_band(child: Child) -> AgeBand:
    return age_band_for_year(
        child.school_year, child_age(child), date_of_birth=child.date_of_birth, on=date.today()
    )


def list_children(session: Session, user: User) -> list[Child]:
    children = children_repo.list_visible(session, user)
    audit.record_list(session, user, "child.list", len(children), "children")
    return children


def get_child(session: Session, user: User, child_id: str) -> Child:
    child = child_for(session, user, child_id)
    audit.record(session, user, "child.read", child_id=child.id)
    return child


def new_child_choices(session: Session, user: User) -> dict[str, list[Any]]:
    """The schools and social workers a new child may be placed with: the caller's authority's
    only, and only for the virtual school, who alone adds children."""
    if user.role != Role.VIRTUAL_SCHOOL:
        raise Forbidden("only the virtual school adds children")
    return {
        "schools": users_repo.schools_in(session, user.authority_id),
        "social_workers": users_repo.social_workers_in(session, user.authority_id),
    }


def create_child(session: Session, user: User, data: ChildCreate) -> Child:
    if user.role != Role.VIRTUAL_SCHOOL:
        raise Forbidden("only the virtual school adds children")
    school = users_repo.school(session, data.school_id)
    if data.school_id is not None and (school is None or school.authority_id != user.authority_id):
        raise NotFound("no school with that id in your authority")
    child = children_repo.add(
        session,
        Child(
            authority_id=user.authority_id,
            school_id=data.school_id,
            first_name=data.first_name,
            last_name=data.last_name,
            date_of_birth=data.date_of_birth,
            school_year=data.school_year,
            legal_status=data.legal_status,
            care_start_date=data.care_start_date,
        ),
    )
    if data.social_worker_username:
        worker = users_repo.by_username(session, data.social_worker_username)
        if (
            worker is None
            or worker.role != Role.SOCIAL_WORKER
            or (worker.authority_id != user.authority_id)
        ):
            raise NotFound("no social worker with that username in your authority")
        children_repo.add_to_caseload(session, worker.id, child.id)
    audit.record(session, user, "child.create", child_id=child.id)
    return child


def list_peps(session: Session, user: User) -> list[tuple[Pep, Child]]:
    rows = peps_repo.list_visible(session, user)
    audit.record_list(session, user, "pep.list", len(rows), "PEPs")
    return rows


def get_pep(session: Session, user: User, pep_id: str) -> tuple[Pep, Child]:
    pep, child = pep_for(session, user, pep_id)
    audit.record(session, user, "pep.read", child_id=child.id, pep_id=pep.id)
    return pep, child


def open_pep(session: Session, child: Child) -> Pep | None:
    """The child's PEP that is not yet signed off, if there is one."""
    return peps_repo.in_statuses(session, child.id, OPEN_STATUSES)


def require_no_open_pep(session: Session, child: Child) -> None:
    """OpenPepExists (409) while the child has an open PEP. The child's row is held until the
    transaction ends, so of two requests at once the second sees the first one's PEP."""
    children_repo.lock(session, child.id)
    found = open_pep(session, child)
    if found is not None:
        raise OpenPepExists(found)


def open_pep_for(session: Session, user: User, child_id: str) -> Pep | None:
    """The open PEP of a child on the caller's caseload (404 outside it)."""
    return open_pep(session, child_for(session, user, child_id))


def create_pep(session: Session, user: User, data: PepCreate) -> tuple[Pep, Child]:
    """The social worker initiates a PEP; the virtual school may start the first one. Only one
    PEP is open at a time: while one is, starting another is refused (OpenPepExists, 409)."""
    child = child_for(session, user, data.child_id)
    if user.role not in {Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL}:
        raise Forbidden("a PEP is started by the child's social worker or the virtual school")
    require_no_open_pep(session, child)
    is_first = peps_repo.count_for_child(session, child.id) == 0
    if user.role == Role.VIRTUAL_SCHOOL and not is_first:
        raise Forbidden("the child's social worker starts review PEPs")
    pep = Pep(
        child_id=child.id,
        term=data.term,
        pep_type=PepType.INITIAL if is_first else data.pep_type,
        status=PepStatus.DRAFT,
        meeting_date=data.meeting_date,
        meeting_venue=data.meeting_venue,
        attendees=[a.model_dump() for a in data.attendees],
        next_meeting_date=data.next_meeting_date,
        created_by_id=user.id,
    )
    check_meeting_dates(pep, child)
    peps_repo.add(session, pep)
    audit.record(session, user, "pep.create", child_id=child.id, pep_id=pep.id)
    return pep, child


def update_pep(session: Session, user: User, pep_id: str, data: PepUpdate) -> tuple[Pep, Child]:
    pep, child = pep_for(session, user, pep_id)
    if user.role == Role.TEACHING_ASSISTANT:
        raise Forbidden("teaching assistants cannot change a PEP")
    _require_editable(pep)
    changes = data.model_dump(exclude_unset=True)
    for field, value in changes.items():
        setattr(pep, field, value)
    check_meeting_dates(pep, child)  # the request is rolled back if they cannot be
    audit.record(
        session,
        user,
        "pep.update",
        child_id=child.id,
        pep_id=pep.id,
        detail=",".join(sorted(changes)),
    )
    return pep, child


def meeting_date_problems(
    meeting: date | None, following: date | None, child: Child
) -> list[tuple[str, str]]:
    """Dates a PEP cannot have, however each looks alone: a meeting before the child was born or
    came into care (a PEP is for a child in care), or a next meeting not after this one. Every
    one found, so a form names them all at once."""
    if meeting and meeting < EARLIEST_RECORD:
        return []  # the schema's own range says it: "must be between ..."
    problems = before_birth(child, [("meeting_date", meeting)])
    if not problems and meeting and child.care_start_date and meeting < child.care_start_date:
        problems.append(
            (
                "meeting_date",
                f"cannot be before the child came into care ({child.care_start_date:%d/%m/%Y})",
            )
        )
    if meeting and following and following <= meeting:
        problems.append(("next_meeting_date", f"must be after this meeting ({meeting:%d/%m/%Y})"))
    return problems


def check_meeting_dates(pep: Pep, child: Child) -> None:
    """A 422 naming every date the PEP cannot have (`meeting_date_problems`)."""
    refuse(meeting_date_problems(pep.meeting_date, pep.next_meeting_date, child))


def plan_meeting(session: Session, user: User, pep_id: str, data: PepUpdate) -> tuple[Pep, Child]:
    """A new plan for the meeting: anyone on the new invitation list who was already marked as
    having come (the same name and role) stays marked, so re-planning loses no record."""
    pep, _child = pep_for(session, user, pep_id)
    came = {(a.get("name"), a.get("role")) for a in pep.attendees or [] if a.get("attended")}
    for invitee in data.attendees or []:
        invitee.attended = invitee.attended or (invitee.name, invitee.role) in came
    return update_pep(session, user, pep_id, data)


def writable_pep(
    session: Session, user: User, pep_id: str, writers: Collection[Role], refusal: str
) -> tuple[Pep, Child]:
    """The PEP and its child, when this user may write this part of it now: 404 outside the
    caseload, 403 (`refusal`) for a role that does not write it, 409 once it has been sent."""
    pep, child = pep_for(session, user, pep_id)
    if user.role not in writers:
        raise Forbidden(refusal)
    _require_editable(pep)
    return pep, child


def may_write(user: User, pep: Pep, writers: Collection[Role]) -> bool:
    """Whether a page should offer this user the form for a part written by `writers`."""
    return user.role in writers and pep.status in EDITABLE_STATUSES


def _require_editable(pep: Pep) -> None:
    if pep.status not in EDITABLE_STATUSES:
        raise Conflict(f"the PEP is {pep.status.value.replace('_', ' ')} and cannot be changed")


def section_contents(session: Session, pep: Pep) -> dict[str, dict[str, Any]]:
    stored = {row.key: row.content for row in peps_repo.sections(session, pep.id)}
    return {key: stored.get(key, {}) for key in SECTION_TITLES}


def get_section(session: Session, user: User, pep_id: str, key: str) -> PepSection | None:
    pep, child = pep_for(session, user, pep_id)
    _known_section(key)
    audit.record(session, user, "section.read", child_id=child.id, pep_id=pep.id, detail=key)
    return peps_repo.section(session, pep.id, key)


def put_section(
    session: Session, user: User, pep_id: str, key: str, content: dict[str, Any]
) -> PepSection:
    pep, child = pep_for(session, user, pep_id)
    _known_section(key)
    if user.role not in SECTION_WRITERS[key]:
        raise Forbidden(f"section {key} is written by someone else")
    _require_editable(pep)
    row = peps_repo.section(session, pep.id, key) or PepSection(pep_id=pep.id, key=key)
    row.content = content
    row.updated_by_id = user.id
    peps_repo.save_section(session, row)
    audit.record(session, user, "section.write", child_id=child.id, pep_id=pep.id, detail=key)
    return row


def _known_section(key: str) -> None:
    if key not in SECTION_TITLES:
        raise NotFound("sections are A, B, C, D and E")


def record_meeting(
    session: Session, user: User, pep_id: str, changes: dict[str, Any], attended: set[int]
) -> tuple[Pep, Child]:
    """What the meeting settled: who came (by their place on the invitation list), whether the
    child came, and the next meeting's date. Validated as the API's PATCH is, and audited."""
    pep, _child = pep_for(session, user, pep_id)
    attendees = [{**a, "attended": i in attended} for i, a in enumerate(pep.attendees or [])]
    data = PepUpdate.model_validate({**changes, "attendees": attendees})
    return update_pep(session, user, pep_id, data)


def record_views_absence(session: Session, user: User, pep_id: str, reason: str) -> PepSection:
    """Why the child's views are missing, in the writer's own section (the school's D, the
    social worker's C), keeping what else that section holds."""
    pep, _child = pep_for(session, user, pep_id)
    key = "C" if user.role == Role.SOCIAL_WORKER else "D"
    content = {**section_contents(session, pep)[key], "child_views_absence_reason": reason}
    data = SectionUpdate.model_validate({"content": content})
    return put_section(session, user, pep_id, key, data.content)
