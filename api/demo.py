"""The demo authority `make run` seeds on loopback: one school, one caseload, a child in every
age band with an open PEP, and a second school. Never seeded in a deployment."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.config import DEMO_AUTHORITY, LOOPBACK_HOSTS, Settings
from api.models import (
    Authority,
    Caseload,
    Child,
    Pep,
    School,
    Target,
    User,
    ViewTopic,
    YoungPersonsView,
)
from api.models.enums import PepStatus, PepType, Role, TopicStatus
from api.repositories import users as users_repo
from api.security import hash_password

DEMO_PASSWORD = "demo-password"


@cache
def demo_password_hash() -> str:
    """One salted Argon2 hash of the demo password, shared by every demo user.

    Hashing costs about 64 MiB and a tenth of a second; a process that seeds many demo
    authorities (the test suite seeds one per test) pays it once. All demo users share the
    one password anyway, so one salt for all of them reveals nothing more.
    """
    return hash_password(DEMO_PASSWORD)


# (first name, last name, school year, legal status)
DEMO_CHILDREN = [
    ("Poppy", "Ahmed", 0, "Interim care order (s38)"),
    ("Leo", "Barnes", 2, "Full care order (s31)"),
    ("Sam", "Carter", 5, "Full care order (s31)"),
    ("Aisha", "Douglas", 8, "Accommodated (s20)"),
    ("Jordan", "Evans", 10, "Full care order (s31)"),
    ("Kayla", "Fisher", 12, "Full care order (s31)"),
]


# Last term's targets, carried over so the school can review them at this PEP.
PREVIOUS_TARGETS = [
    (
        "Read aloud to an adult for 10 minutes, 4 times a week",
        "Reading log shows 4 sessions a week for 8 weeks",
    ),
    ("Join one lunchtime club", "Attends the club at least once a week"),
]

# Jordan has done "My views" with the teaching assistant, so the targets page has the child's
# own words to show and draft from. (topic, question, rating, answer)
DEMO_VIEWS = {
    "Jordan": [
        ("feelings_about_school", "How do you feel about school?", 3, "It's OK most days"),
        ("talents_and_interests", "What are you good at?", None, "Fixing bikes, and PE"),
        ("going_well", "What is going well?", None, "I like my form tutor"),
        (
            "not_going_well",
            "What is not going so well?",
            None,
            "Algebra. I get lost and then I stop trying",
        ),
        (
            "support_wanted",
            "What would help you at school?",
            None,
            "Someone to go through maths with me, one to one",
        ),
        (
            "aspirations",
            "What would you like to do when you leave school?",
            None,
            "Go to college and be a mechanic",
        ),
    ],
}

LEAD, LEAD_NAME = "demo-dsl", "Dami Sule"


class DemoRefused(RuntimeError):
    pass


def birthday_for_year(school_year: int, today: date) -> date:
    """A date of birth that puts the child in `school_year` in the current academic year."""
    # Born in March, a child is (year + 4) on the 31 August that starts the academic year:
    # Reception (year 0) children are 4, Year 7 children 11.
    academic_start = today.year if today.month >= 9 else today.year - 1
    return date(academic_start - school_year - 4, 3, 15)


def seed_demo(session: Session, settings: Settings, today: date | None = None) -> bool:
    """Seed once; True when it seeded, False when the demo was already there."""
    if settings.host not in LOOPBACK_HOSTS or not settings.demo_mode:
        raise DemoRefused("the demo authority is seeded only on loopback in demo mode")
    if users_repo.by_username(session, "demo-vs") is not None:
        _add_lead_if_missing(session)
        _add_emails_if_missing(session)
        return False
    today = today or date.today()
    authority = Authority(name=DEMO_AUTHORITY)
    session.add(authority)
    session.flush()
    school = School(authority_id=authority.id, name="Riverside All-Through Academy", urn="900001")
    other = School(authority_id=authority.id, name="Hillside School", urn="900002")
    session.add_all([school, other])
    session.flush()
    password = demo_password_hash()
    users = {
        name: User(
            authority_id=authority.id,
            school_id=sid,
            username=name,
            full_name=full,
            role=role,
            password_hash=password,
            email=demo_email(full),
        )
        for name, full, role, sid in [
            ("demo-vs", "Val Singh", Role.VIRTUAL_SCHOOL, None),
            ("demo-dt", "Dee Turner", Role.DESIGNATED_TEACHER, school.id),
            ("demo-sw", "Sol Walker", Role.SOCIAL_WORKER, None),
            ("demo-ta", "Tia Adams", Role.TEACHING_ASSISTANT, school.id),
            (LEAD, LEAD_NAME, Role.SAFEGUARDING_LEAD, school.id),
            ("other-dt", "Owen Davies", Role.DESIGNATED_TEACHER, other.id),
        ]
    }
    session.add_all(users.values())
    session.flush()
    for first, last, year, status in DEMO_CHILDREN:
        _seed_child(session, authority.id, school.id, users, (first, last, year, status), today)
    hillside = Child(
        authority_id=authority.id,
        school_id=other.id,
        first_name="Riley",
        last_name="Grant",
        date_of_birth=birthday_for_year(7, today),
        school_year=7,
        legal_status="Full care order (s31)",
    )
    session.add(hillside)
    session.flush()
    session.add(
        Pep(
            child_id=hillside.id,
            term=_term(today),
            pep_type=PepType.REVIEW,
            status=PepStatus.DRAFT,
            meeting_date=today + timedelta(days=21),
            attendees=[{"name": "Owen Davies", "role": "Designated teacher", "attended": False}],
        )
    )
    session.flush()
    return True


def _add_lead_if_missing(session: Session) -> None:
    """A demo seeded before the safeguarding lead existed gets one, at demo-dt's school."""
    teacher = users_repo.by_username(session, "demo-dt")
    if users_repo.by_username(session, LEAD) is not None or teacher is None:
        return
    session.add(
        User(
            authority_id=teacher.authority_id,
            school_id=teacher.school_id,
            username=LEAD,
            full_name=LEAD_NAME,
            role=Role.SAFEGUARDING_LEAD,
            password_hash=demo_password_hash(),
            email=demo_email(LEAD_NAME),
        )
    )
    session.flush()


def demo_email(full_name: str) -> str:
    """An address on the reserved .example domain: demo mail can never reach a real person."""
    return full_name.lower().replace(" ", ".") + "@demo-borough.example"


def _add_emails_if_missing(session: Session) -> None:
    """A demo seeded before users had addresses gets the example ones."""
    demo_users = ("demo-vs", "demo-dt", "demo-sw", "demo-ta", LEAD, "other-dt")
    missing = select(User).where(User.email.is_(None), User.username.in_(demo_users))
    for user in session.scalars(missing):
        user.email = demo_email(user.full_name)
    session.flush()


def _seed_child(
    session: Session,
    authority_id: str,
    school_id: str,
    users: dict[str, User],
    details: tuple[str, str, int, str],
    today: date,
) -> None:
    first, last, year, status = details
    child = Child(
        authority_id=authority_id,
        school_id=school_id,
        first_name=first,
        last_name=last,
        date_of_birth=birthday_for_year(year, today),
        school_year=year,
        legal_status=status,
        care_start_date=today - timedelta(days=400),
    )
    session.add(child)
    session.flush()
    session.add(Caseload(social_worker_id=users["demo-sw"].id, child_id=child.id))
    pep = Pep(
        child_id=child.id,
        term=_term(today),
        pep_type=PepType.REVIEW,
        status=PepStatus.DRAFT,
        meeting_date=today + timedelta(days=14),
        meeting_venue="Riverside, meeting room 2",
        # Invited, not yet there: the school records who came after the meeting, and only
        # then can the virtual school sign the PEP off.
        attendees=[
            {"name": name, "role": role, "attended": False}
            for name, role in (
                ("Dee Turner", "Designated teacher"),
                ("Sol Walker", "Social worker"),
                ("Morgan Lee", "Foster carer"),
                ("Val Singh", "Virtual school"),
            )
        ],
        next_meeting_date=today + timedelta(days=14 + 91),
        created_by_id=users["demo-sw"].id,
    )
    session.add(pep)
    session.flush()
    for position, (what, outcome) in enumerate(PREVIOUS_TARGETS):
        session.add(
            Target(
                pep_id=pep.id,
                kind="previous",
                position=position,
                what=what,
                outcome=outcome,
                who=f"{first} and class teacher",
            )
        )
    _seed_views(session, pep, DEMO_VIEWS.get(first, []))
    session.flush()


def _seed_views(
    session: Session, pep: Pep, answers: list[tuple[str, str, int | None, str]]
) -> None:
    if not answers:
        return
    session.add(
        YoungPersonsView(
            pep_id=pep.id, completed_with_role="teaching_assistant", completed_with_name="Tia Adams"
        )
    )
    for topic, question, rating, words in answers:
        session.add(
            ViewTopic(
                pep_id=pep.id,
                topic=topic,
                question=question,
                rating=rating,
                answer=words,
                status=TopicStatus.ANSWERED,
            )
        )


def _term(today: date) -> str:
    season = "Autumn" if today.month >= 9 else ("Spring" if today.month <= 3 else "Summer")
    return f"{season} {today.year}"
