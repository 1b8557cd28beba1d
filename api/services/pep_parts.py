"""What every typed part of a PEP shares: who may write it, how a read is audited, and who
last saved it.

Sections A, C and D each belong to some roles (Bradford's "whose section is it"), are read by
everyone on the child's case, and are written whole. Keeping those rules in one place means a
new part cannot forget the audit line or the "still open for changes" check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from api.errors import Conflict
from api.models import Child, Pep, User
from api.models.enums import Role
from api.services import audit
from api.services.access import pep_for
from api.services.peps import may_write as peps_may_write
from api.services.peps import writable_pep


class Stamped(Protocol):
    """A saved row that remembers who saved it and when."""

    @property
    def updated_by_id(self) -> str | None: ...

    @property
    def updated_at(self) -> datetime: ...


def iso_utc(value: datetime) -> str:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return value.replace(tzinfo=value.tzinfo or UTC).isoformat()


def stamp(session: Session, row: Stamped | None) -> dict[str, Any]:
    """Who saved the part last and when, as the pages and documents show it; None until saved."""
    if row is None:
        return {"updated_by": None, "updated_at": None}
    writer = session.get(User, row.updated_by_id) if row.updated_by_id else None
    return {
        "updated_by": writer.full_name if writer else None,
        "updated_at": iso_utc(row.updated_at),
    }


class PartChanged(Conflict):
    """Saved by someone else since the caller read it: two tabs or two people on one section.

    Writing the whole part over theirs would lose their changes without a word, so the save is
    refused and the caller shown who saved it and when; saving again is a choice made knowingly.
    """

    def __init__(self, updated_by: str | None, updated_at: str | None) -> None:
        who = updated_by or "someone else"
        super().__init__(
            f"{who} saved this section after you opened it; nothing of yours was saved: "
            "check their changes and save again"
        )
        self.updated_at = updated_at


def require_unchanged(session: Session, row: Stamped | None, based_on: str | None) -> None:
    """Refuse a save made from an older reading of the part. `based_on` is the `updated_at` the
    caller read ("" when it had never been saved); None when the caller does not say."""
    if based_on is None:
        return
    now = stamp(session, row)
    if (now["updated_at"] or "") != based_on:
        raise PartChanged(now["updated_by"], now["updated_at"])


@dataclass(frozen=True)
class PepPart:
    """One typed part: the audit name of its reads, the roles that write it, and the words a
    reader who may not write it is given."""

    name: str
    writers: frozenset[Role]
    refusal: str

    def may_write(self, user: User, pep: Pep) -> bool:
        return peps_may_write(user, pep, self.writers)

    def opened(self, session: Session, user: User, pep_id: str) -> Pep:
        """The PEP, if on this user's caseload (else 404), with the read audited."""
        pep, child = pep_for(session, user, pep_id)
        self.audit_read(session, user, pep, child)
        return pep

    def require_writer(self, session: Session, user: User, pep_id: str) -> tuple[Pep, Child]:
        """The PEP and child, if this user may write the part now; else 404, 403 or 409."""
        return writable_pep(session, user, pep_id, self.writers, self.refusal)

    def audit_read(self, session: Session, user: User, pep: Pep, child: Child) -> None:
        audit.record(session, user, f"{self.name}.read", child_id=child.id, pep_id=pep.id)
