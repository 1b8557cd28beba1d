"""Factories: the few rows a test needs, built directly, instead of the whole demo authority.

Seeding the demo hashes passwords with Argon2 (about 64 MiB and tens of milliseconds each) and
signs six users in through the API. A test about one child's targets needs one school, one adult
and one PEP; these build exactly that, with valid signed tokens, on the test's own session.
Every factory takes keyword overrides for any column, so a test states only what it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from api.config import Settings
from api.models import Child, Pep, User
from api.models.enums import HelperRole, PepStatus, PepType, Role, VoiceMode
from api.models.organisation import Authority, Caseload, School
from api.models.pep import MeetingAction, PepSection, Target
from api.models.voice import VoiceSession
from api.security import create_access_token, new_child_token, token_digest

# A target the coach scores 5/5: what, how, who, a date, a measured outcome and a baseline.
SMART_TARGET = {
    "what": "Recall the 6, 7 and 8 times tables",
    "how": "Times Tables Rock Stars three times a week",
    "who": "HLTA",
    "outcome": "8 out of 10 in the weekly quiz",
    "baseline": "5 out of 10",
    "needs": "times tables",
}

# Never used to sign in: factory users carry a token, not a password. A hash no password matches.
NO_PASSWORD = "$argon2id$v=19$m=65536,t=3,p=4$bm8tcGFzc3dvcmQ$bm8tcGFzc3dvcmQtaGFzaA"


@dataclass
class Adult:
    """A user and a signed token for them, ready for an Authorization header."""

    user: User
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class ChildLink:
    """An open voice session and the plain token on the child's link."""

    session: VoiceSession
    token: str


class Factory:
    """Builds rows on one session; every row belongs to one authority made on first use."""

    def __init__(self, session: Session, settings: Settings) -> None:
        self.db = session
        self.settings = settings
        self._authority: Authority | None = None
        self._school: School | None = None
        self._count = 0

    def _add(self, row: Any) -> Any:
        self.db.add(row)
        self.db.flush()
        return row

    def _next(self) -> int:
        self._count += 1
        return self._count

    @property
    def authority(self) -> Authority:
        if self._authority is None:
            self._authority = self._add(Authority(name=f"Test authority {self._next()}"))
        return self._authority

    @property
    def school(self) -> School:
        """The default school; `another_school()` makes others for out-of-caseload tests."""
        if self._school is None:
            self._school = self.another_school()
        return self._school

    def another_school(self, **fields: Any) -> School:
        n = self._next()
        values = {"authority_id": self.authority.id, "name": f"School {n}", "urn": f"9{n:05d}"}
        return self._add(School(**{**values, **fields}))

    def adult(self, role: Role, *, school: School | None = None, **fields: Any) -> Adult:
        """A user of `role` with a signed access token. School staff join the default school."""
        n = self._next()
        in_school = role in (
            Role.DESIGNATED_TEACHER,
            Role.TEACHING_ASSISTANT,
            Role.SAFEGUARDING_LEAD,
        )
        values = {
            "authority_id": self.authority.id,
            "school_id": (school or self.school).id if in_school else None,
            "username": f"user-{n}",
            "full_name": f"Adult {n}",
            "role": role,
            "password_hash": NO_PASSWORD,
            "email": f"adult{n}@example.org",
        }
        user = self._add(User(**{**values, **fields}))
        token = create_access_token(
            user.id, secret=self.settings.secret_key, minutes=self.settings.access_token_minutes
        )
        return Adult(user, token)

    def child(
        self, *, school_year: int | None = 7, social_worker: Adult | None = None, **fields: Any
    ) -> Child:
        """A child at the default school, on `social_worker`'s caseload when one is given."""
        n = self._next()
        year = school_year if school_year is not None else 7
        values = {
            "authority_id": self.authority.id,
            "school_id": self.school.id,
            "first_name": f"Child{n}",
            "last_name": "Test",
            "date_of_birth": date(date.today().year - year - 5, 3, 15),
            "school_year": school_year,
            "legal_status": "Full care order (s31)",
            "care_start_date": date.today() - timedelta(days=400),
        }
        child = self._add(Child(**{**values, **fields}))
        if social_worker is not None:
            self._add(Caseload(social_worker_id=social_worker.user.id, child_id=child.id))
        return child

    def pep(self, child: Child | None = None, **fields: Any) -> Pep:
        """A draft review PEP with its meeting in two weeks."""
        child = child or self.child()
        values = {
            "child_id": child.id,
            "term": "Autumn",
            "pep_type": PepType.REVIEW,
            "status": PepStatus.DRAFT,
            "meeting_date": date.today() + timedelta(days=14),
            "attendees": [],
        }
        return self._add(Pep(**{**values, **fields}))

    def complete_pep(self, child: Child | None = None, **fields: Any) -> Pep:
        """A draft PEP that meets every non-negotiable: who came, the child came, the next
        meeting, the chair and summary, an action with an owner and a date, a SMART target
        this term, and why the child's views are missing."""
        values = {
            "meeting_date": date.today() - timedelta(days=3),
            "attendees": [{"name": "Ms Patel", "role": "Designated teacher", "attended": True}],
            "child_attended": "yes",
            "next_meeting_date": date.today() + timedelta(days=90),
            "meeting_chair": "Ms Patel, designated teacher",
            "note_taker": "Mr Jones, social worker",
            "meeting_summary": "Settled at school; reading is the focus this term.",
        }
        pep = self.pep(child, **{**values, **fields})
        self.action(pep)
        self.target(pep, score=5, **SMART_TARGET, when=f"{date.today() + timedelta(60):%d/%m/%Y}")
        self._add(
            PepSection(
                pep_id=pep.id,
                key="D",
                content={"child_views_absence_reason": "Views given to the social worker"},
            )
        )
        return pep

    def action(self, pep: Pep, **fields: Any) -> MeetingAction:
        values = {
            "pep_id": pep.id,
            "position": self._next(),
            "text": "Send the reading log home each Friday",
            "owner": "Class teacher",
            "due_date": date.today() + timedelta(days=28),
        }
        return self._add(MeetingAction(**{**values, **fields}))

    def target(self, pep: Pep, **fields: Any) -> Target:
        values = {
            "pep_id": pep.id,
            "position": self._next(),
            "what": "Read a short book aloud to an adult each day",
            "how": "Daily reading with the class TA",
            "who": "Class teacher",
            "when": "By February half term",
            "outcome": "Reads 5 pages a day without help",
        }
        return self._add(Target(**{**values, **fields}))

    def voice_session(self, pep: Pep, opened_by: Adult, **fields: Any) -> ChildLink:
        """An open session with a live child link, as the helper's "Start" would make it."""
        token = new_child_token()
        values = {
            "pep_id": pep.id,
            "mode": VoiceMode.MY_VIEWS,
            "helper_role": HelperRole.TEACHING_ASSISTANT,
            "helper_user_id": opened_by.user.id,
            "opened_by_id": opened_by.user.id,
            "child_token_hash": token_digest(token),
            "child_token_expires_at": datetime.now(UTC) + timedelta(hours=2),
            "support": [],
        }
        return ChildLink(self._add(VoiceSession(**{**values, **fields})), token)
