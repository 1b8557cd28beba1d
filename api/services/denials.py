"""Refused attempts on child data: who asked for which address, when, and what they got.

A refusal is written in a transaction of its own. The request's transaction is rolled back
when a service raises, and a refusal that vanished with it would hide exactly the attempts an
auditor looks for. Nothing from the request's body or query is kept: the route's template (not
the path sent), the method, the status, and the child the asked-for id belongs to, if it
belongs to one; an id that matches nothing is not echoed, since it could be anything typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.repositories import audit as audit_repo

logger = logging.getLogger(__name__)

DENIED = "denied"
AUDITED_STATUSES = frozenset({403, 404})
# Most specific first: the child a PEP, session, target or concern belongs to.
ID_PARAMS = ("child_id", "pep_id", "session_id", "concern_id", "target_id")

SessionFactory = Callable[[], Session]


@dataclass(frozen=True)
class Actor:
    """The signed-in caller, kept on the request by the sign-in dependency for this audit."""

    user_id: str
    label: str


@dataclass(frozen=True)
class Denial:
    actor: Actor
    method: str
    route: str
    status: int
    path_params: Mapping[str, str]

    def detail(self, matched: bool) -> str:
        asked = [p for p in ID_PARAMS if p in self.path_params]
        words = f"{self.method} {self.route} answered {self.status}"
        if asked and not matched:
            words += "; the id asked for matches nothing"
        return words


def _owner(session: Session, params: Mapping[str, str]) -> tuple[str, str | None] | None:
    for param in ID_PARAMS:
        value = params.get(param)
        if value:
            owner = audit_repo.owner_of(session, param, value)
            if owner is not None:
                return owner
    return None


def record(sessions: SessionFactory, denial: Denial) -> None:
    """Write the refusal and commit it; never let a failure here change the caller's answer."""
    try:
        with sessions() as session:
            owner = _owner(session, denial.path_params)
            audit_repo.add(
                session,
                {
                    "actor_id": denial.actor.user_id,
                    "actor_label": denial.actor.label[:120],
                    "action": DENIED,
                    "child_id": owner[0] if owner else None,
                    "pep_id": owner[1] if owner else None,
                    "detail": denial.detail(owner is not None)[:300],
                },
            )
            session.commit()
    except Exception as exc:  # the refusal stands whatever happens to its record
        # The exception's text could carry a query's values; its type and the route cannot.
        logger.error(
            "could not audit a refused %s %s (%s): %s",
            denial.method,
            denial.route,
            denial.status,
            type(exc).__name__,
        )
