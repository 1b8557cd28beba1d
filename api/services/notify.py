"""Telling the right people at once that a concern was raised: one email each, after commit.

Who is told:
- an urgent safeguarding concern: the school's safeguarding lead(s) and designated teacher(s);
- any review-tier concern: the safeguarding lead(s), whose queue it is;
- wanting to move school, or unhappy in school (either tier): the designated teacher(s) and
  the child's social worker(s).

Email is not a secure channel, so the email names no child and quotes none of their words:
it says a concern was raised, its kind, tier and time, and links to the page where the
recipient signs in to read it. The in-app concern list shows every concern whether or not
email is on (an empty `smtp_host` turns email off).

How: `queue` writes one pending `ConcernNotice` per recipient in the concern's own transaction
(an outbox) and names them on the session. When that transaction commits, they are sent at
once over one SMTP connection with a short timeout, each marked sent or failed. A failure is
logged by notice id and error class only, and stays recorded for `retry` and the pages; it
never breaks the chat turn that raised the concern.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterable
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.config import Settings
from api.models import Child, Concern, ConcernNotice, User
from api.models.enums import ConcernKind, ConcernTier, Role
from api.models.notice import FAILED, NO_ADDRESS, PENDING, SENT
from api.repositories import notices as notices_repo

log = logging.getLogger(__name__)

LEAD, TEACHER, SOCIAL_WORKER = "safeguarding_lead", "designated_teacher", "social_worker"
SCHOOL_KINDS = {ConcernKind.MOVE_SCHOOL, ConcernKind.UNHAPPY_IN_SCHOOL}
KIND_WORDS = {
    ConcernKind.SAFEGUARDING: "safeguarding",
    ConcernKind.MOVE_SCHOOL: "wants to move school",
    ConcernKind.UNHAPPY_IN_SCHOOL: "unhappy in school",
}
REASON_WORDS = {
    LEAD: "you are the school's designated safeguarding lead",
    TEACHER: "you are the designated teacher at the child's school",
    SOCIAL_WORKER: "the child is on your caseload",
}
_OUTBOX = "concern_notices"


def enabled(settings: Settings) -> bool:
    """Whether concerns are emailed: what the child and the helper may be promised."""
    return settings.emails_concerns


def _school_staff(session: Session, child: Child, role: Role) -> list[User]:
    if not child.school_id:
        return []
    return notices_repo.school_staff(session, child.school_id, child.authority_id, role)


def recipients(session: Session, concern: Concern, child: Child) -> list[tuple[User, str]]:
    """Who must hear of this concern, once each, with the reason they are told."""
    wanted: list[tuple[User, str]] = []
    urgent_harm = concern.kind == ConcernKind.SAFEGUARDING and concern.tier == ConcernTier.URGENT
    if urgent_harm or concern.tier == ConcernTier.REVIEW:
        wanted += [(u, LEAD) for u in _school_staff(session, child, Role.SAFEGUARDING_LEAD)]
    if urgent_harm or concern.kind in SCHOOL_KINDS:
        wanted += [(u, TEACHER) for u in _school_staff(session, child, Role.DESIGNATED_TEACHER)]
    if concern.kind in SCHOOL_KINDS:
        wanted += [
            (u, SOCIAL_WORKER) for u in notices_repo.active_social_workers(session, child.id)
        ]
    first: dict[str, tuple[User, str]] = {}
    for user, why in wanted:
        first.setdefault(user.id, (user, why))
    return list(first.values())


def queue(session: Session, settings: Settings, concern: Concern) -> None:
    """Record a notice for everyone not yet told of this concern; sent once it commits."""
    if not enabled(settings):
        return
    child = session.get(Child, concern.child_id)
    if child is None:
        return
    told = notices_repo.told_of(session, concern.id)
    ids: list[str] = []
    for user, reason in recipients(session, concern, child):
        if user.id in told:
            continue
        notice = ConcernNotice(
            concern_id=concern.id,
            recipient_id=user.id,
            reason=reason,
            status=PENDING if user.email else NO_ADDRESS,
        )
        try:
            with session.begin_nested():
                session.add(notice)
                session.flush()
        except IntegrityError:  # told by a concurrent request just now
            continue
        if notice.status == PENDING:
            ids.append(notice.id)
        else:
            log.warning("concern notice %s: the recipient has no email address", notice.id)
    if ids:
        _, waiting = session.info.setdefault(_OUTBOX, (settings, []))
        waiting.extend(ids)


@event.listens_for(Session, "after_commit")
def _send_after_commit(session: Session) -> None:
    """The concern is stored: now send what it queued, in a session of its own."""
    work = session.info.pop(_OUTBOX, None)
    if not work:
        return
    settings, ids = work
    try:
        send_notices(session.get_bind(), settings, ids)
    except Exception as exc:  # the notices stay pending, for a retry
        log.error("concern notices not sent: %s", type(exc).__name__)


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, previous: Any) -> None:
    """Rolled-back notices were never stored; sending by id would find none, but forget them."""
    if previous.parent is None:
        session.info.pop(_OUTBOX, None)


def send_notices(bind: Engine | Connection, settings: Settings, ids: Iterable[str]) -> None:
    """Send the named notices still unsent, and record how each went."""
    with Session(bind=bind, join_transaction_mode="create_savepoint") as session:
        deliver(session, settings, notices_repo.unsent(session, ids))
        session.commit()


def retry(session: Session, settings: Settings) -> tuple[int, int]:
    """Send every notice that is pending or failed; (sent, still failing)."""
    notices = notices_repo.unsent(session)
    deliver(session, settings, notices)
    sent = sum(1 for n in notices if n.status == SENT)
    return sent, len(notices) - sent


def deliver(session: Session, settings: Settings, notices: list[ConcernNotice]) -> None:
    """One SMTP connection for these notices, one email each; the outcome on each row."""
    if not notices or not enabled(settings):
        return
    for notice in notices:
        notice.attempts += 1
    try:
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
        ) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password)
            for notice in notices:
                try:
                    smtp.send_message(_email(session, settings, notice))
                except smtplib.SMTPRecipientsRefused as exc:
                    _failed(notice, exc)
                else:
                    notice.status, notice.sent_at, notice.last_error = SENT, _now(), None
    except (OSError, smtplib.SMTPException) as exc:
        for notice in notices:
            if notice.status != SENT:
                _failed(notice, exc)


def _failed(notice: ConcernNotice, exc: Exception) -> None:
    """Logged and kept by id and error class: no address, no words, nothing about the child."""
    code = getattr(exc, "smtp_code", None)
    notice.status = FAILED
    notice.last_error = f"{type(exc).__name__}{f' {code}' if code else ''}"[:120]
    log.warning("concern notice %s not sent: %s", notice.id, notice.last_error)


def _now() -> datetime:
    return datetime.now(UTC)


def concern_link(settings: Settings, concern: Concern, reason: str) -> str:
    """The page where this recipient reads the concern after signing in."""
    page = "/safeguarding-queue" if reason == LEAD else "/concerns"
    return f"{settings.base_url}{page}#concern-{concern.id}"


def _email(session: Session, settings: Settings, notice: ConcernNotice) -> EmailMessage:
    """The email: what kind of concern, how urgent, when, and where to read it. No child."""
    concern = session.get_one(Concern, notice.concern_id)
    recipient = session.get_one(User, notice.recipient_id)
    urgent = concern.tier == ConcernTier.URGENT
    kind = KIND_WORDS[concern.kind]
    raised = concern.raised_at
    raised = raised if raised.tzinfo else raised.replace(tzinfo=UTC)
    message = EmailMessage()
    message["Subject"] = f"PEP Voice: {'urgent' if urgent else 'for review'}: a concern ({kind})"
    message["From"] = settings.smtp_from
    message["To"] = recipient.email or ""
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=settings.smtp_from.rpartition("@")[2] or None)
    when = "Read it and act on it now." if urgent else "Read it today."
    message.set_content(
        f"A concern was raised for a child you work with.\n\n"
        f"Kind: {kind}\n"
        f"Tier: {'urgent' if urgent else 'review'}\n"
        f"Raised: {raised.astimezone(UTC):%d %B %Y, %H:%M} UTC\n"
        f"You are told because {REASON_WORDS[notice.reason]}.\n\n"
        f"{when} Sign in to see the concern:\n{concern_link(settings, concern, notice.reason)}\n\n"
        f"This email does not say who the child is or what they said: email is not a secure "
        f"channel. Please do not reply to it.\n"
    )
    return message
