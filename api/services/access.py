"""Finding what a caller may see. Anything outside their caseload is simply not found."""

from __future__ import annotations

from sqlalchemy.orm import Session

from api.errors import NotFound
from api.models import Child, Pep, User
from api.repositories import children as children_repo
from api.repositories import peps as peps_repo

CHILD_NOT_FOUND = "no child with that id on your caseload"
PEP_NOT_FOUND = "no PEP with that id on your caseload"


def child_for(session: Session, user: User, child_id: str) -> Child:
    child = children_repo.visible_child(session, user, child_id)
    if child is None:
        raise NotFound(CHILD_NOT_FOUND)
    return child


def pep_for(session: Session, user: User, pep_id: str) -> tuple[Pep, Child]:
    found = peps_repo.visible_pep(session, user, pep_id)
    if found is None:
        raise NotFound(PEP_NOT_FOUND)
    return found
