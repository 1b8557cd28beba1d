"""The child's own copy: what they said, and what the adults will do about it.

A short page for the child, in their words: each answer they gave (how they rated it, and what
they said, exactly), then each target with the words it answers beside it. Words withheld as
a safeguarding concern are left out altogether: the copy goes home, where a carer may read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from api.documents.content import RATING_WORDS
from api.models import User
from api.repositories import peps as peps_repo
from api.services import audit, child_facts, target_voice
from api.services.access import pep_for
from api.services.peps import age_band
from api.services.views import build_view
from vocabulary import topic_titles


@dataclass
class ChildCopy:
    first_name: str
    term: str
    age_band: str
    said: list[dict[str, str]] = field(default_factory=list)
    plans: list[dict[str, str]] = field(default_factory=list)
    message_for_meeting: str = ""
    next_meeting: date | None = None


def build_child_copy(session: Session, user: User, pep_id: str) -> ChildCopy:
    pep, child = pep_for(session, user, pep_id)
    audit.record(session, user, "document.child_copy_read", child_id=child.id, pep_id=pep.id)
    view = build_view(session, pep, child)
    answers = target_voice.answers(session, pep, child)
    copy = ChildCopy(
        first_name=child_facts.first_name_printed(session, pep, child),
        term=pep.term,
        age_band=age_band(child).value,
        message_for_meeting=view["meeting"]["message_for_meeting"] or "",
        next_meeting=pep.next_meeting_date,
    )
    for topic in view["topics"]:
        said = answers.get(topic["topic"])
        if said is None and not topic["rating"]:
            continue  # not answered, declined, or withheld: nothing of theirs to show
        if topic.get("withheld"):
            continue
        copy.said.append(
            {
                "title": topic_titles()[topic["topic"]],
                "feeling": RATING_WORDS.get(topic["rating"] or 0, ""),
                "words": said["words"] if said else "",
            }
        )
    for target in peps_repo.targets(session, pep.id):
        if target.kind != "new":
            continue
        linked = answers.get(target.answers_topic or "")
        copy.plans.append(
            {
                "you_said": linked["words"] if linked else "",
                "what": target.what,
                "how": target.how,
                "who": target.who,
                "when": target.when,
            }
        )
    return copy
