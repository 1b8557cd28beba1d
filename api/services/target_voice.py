"""The child's own words beside section D: what they asked for, drafts from it, and whether
the term's targets answer it.

Only words the school may read reach here: an answer withheld as a safeguarding concern is
absent from the view it is built on, so it can be neither shown, drafted from nor linked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from api.errors import Unprocessable
from api.models import Child, Pep, Target
from api.models.enums import ConcernKind
from api.repositories import peps as peps_repo
from api.repositories import views as views_repo
from api.repositories import voice as voice_repo
from api.services.peps import age_band, section_contents
from api.services.views import build_view, helped_by
from vocabulary import topic_titles

# What the targets page puts beside the drafting form: help wanted, worries, hopes.
SHOWN_TOPICS = ("support_wanted", "not_going_well", "aspirations")
SCHOOL_WORRIES = (ConcernKind.UNHAPPY_IN_SCHOOL, ConcernKind.MOVE_SCHOOL)


def answers(session: Session, pep: Pep, child: Child) -> dict[str, dict[str, Any]]:
    """Every answered topic the school may read, in the child's words, with when and who."""
    view = build_view(session, pep, child)
    rows = views_repo.topics(session, pep.id)
    helped = helped_by(view["completed_with"])
    out = {}
    for topic in view["topics"]:
        if topic["status"] != "answered" or not topic["answer"]:
            continue
        row = rows.get(topic["topic"])
        said_on = row.updated_at.date() if row and row.updated_at else None
        out[topic["topic"]] = {
            "topic": topic["topic"],
            "title": topic_titles()[topic["topic"]],
            "question": topic["question"] or "",
            "words": topic["answer"],
            "said_on": said_on,
            "helped_by": helped or None,
        }
    return out


def shown_beside_targets(session: Session, pep: Pep, child: Child) -> list[dict[str, Any]]:
    given = answers(session, pep, child)
    return [given[t] for t in SHOWN_TOPICS if t in given]


def require_answer(session: Session, pep: Pep, child: Child, topic: str) -> dict[str, Any]:
    """The child's answer under `topic`, or a 422 that says why it cannot be used."""
    found = answers(session, pep, child).get(topic)
    if found is None:
        raise Unprocessable(
            "answers_topic", f"the child has no answer the school may read under {topic!r}"
        )
    return found


def draft(session: Session, pep: Pep, child: Child, topic: str) -> dict[str, Any]:
    from target_coach.draft import draft_target
    from target_coach.schema import DraftRequest

    said = require_answer(session, pep, child, topic)
    request = DraftRequest(
        words=said["words"][:2000],
        topic=topic,  # type: ignore[arg-type]  # checked against the child's answers above
        key_stage=age_band(child).value,
        child_name=child.full_name[:100],
        review_date=_review_date(pep),
    )
    return draft_target(request).model_dump(mode="json") | {"title": said["title"]}


def _review_date(pep: Pep) -> date | None:
    """The PEP's next meeting, when it is still ahead: Halton reviews targets there."""
    upcoming = pep.next_meeting_date
    return upcoming if upcoming and upcoming > date.today() else None


def set_findings(
    session: Session, pep: Pep, child: Child, targets: list[Target]
) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """The two child's-voice rules over this term's targets, and what answers each request."""
    from target_coach.voice import ChildAsk, Plan, voice_findings

    given = answers(session, pep, child)
    asks = [ChildAsk(t, a["words"]) for t, a in given.items()]
    plans = [
        Plan(t.id, " ".join(p for p in (t.what, t.how, t.outcome) if p), t.answers_topic)
        for t in targets
    ]
    worries = [
        ChildAsk(c.kind.value, c.text)
        for c in voice_repo.concerns_for_pep(session, pep.id)
        if c.kind in SCHOOL_WORRIES
    ]
    actions = [
        Plan(f"action-{i}", " ".join(str(v) for v in a.values()))
        for i, a in enumerate(section_contents(session, pep)["C"].get("actions", []))
        if isinstance(a, dict)
    ] + [  # the actions agreed at the meeting answer a worry as well as section C's do
        Plan(f"meeting-action-{a.position}", f"{a.text} {a.owner}")
        for a in peps_repo.meeting_actions(session, pep.id)
    ]
    findings, relations = voice_findings(asks, plans, worries, actions)
    by_id = {t.id: t.what for t in targets}
    shown = [
        {
            "topic": r.ask.topic,
            "title": topic_titles().get(r.ask.topic, r.ask.topic),
            "words": r.ask.words,
            "answered_by": [
                {"target_id": a["ref"], "what": by_id.get(a["ref"], ""), "reason": a["reason"]}
                for a in r.answered_by
            ],
        }
        for r in relations
    ]
    return [f.model_dump() for f in findings], shown
