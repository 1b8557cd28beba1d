"""Gathering a PEP into one plain structure that every format renders the same way.

Concerns are never part of it: they go to the people who act on them, not into a document
that is copied to carers and schools. A declined topic is shown as "chose not to say".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from api.models import Child, Pep, User
from api.presentation.labels import (
    EDUCATION_SUMMARY_LABELS,
    PEP_TYPE_LABELS,
    PLACEMENT_TYPE_LABELS,
)
from api.repositories import peps as peps_repo
from api.services import (
    audit,
    care_details,
    child_facts,
    contributor_views,
    education_summary,
    school_data,
    target_voice,
    workflow,
)
from api.services.access import pep_for
from api.services.peps import section_contents
from api.services.views import build_view, helped_by
from vocabulary import rating_words, topic_status_words, topic_titles

# What stands in for the child's words when there are none (vocabulary.yaml `topic_status`).
STATUS_TEXT = {k: v for k, v in topic_status_words().items() if k != "answered"}
ATTEND_TEXT = {
    "yes": "Wants to attend",
    "no": "Does not want to attend",
    "part": "Wants to attend part of the meeting",
    "undecided": "Not sure yet",
}
ATTENDED_TEXT = {
    "yes": "Attended",
    "no": "Did not attend",
    "part": "Attended part",
    "invited_declined": "Invited, chose not to attend",
}
RATING_WORDS = rating_words()


uk = child_facts.uk


@dataclass
class PepDocument:
    title: str
    child_name: str
    rows: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    views: list[dict[str, str]] = field(default_factory=list)
    view_notes: list[tuple[str, str]] = field(default_factory=list)
    # The carer's, the school's and the child's at-meeting views: never part of "My views".
    other_views: list[dict[str, str]] = field(default_factory=list)
    # Section A's schools, oldest first: school, from, to, reason for leaving.
    school_history: list[dict[str, str]] = field(default_factory=list)
    previous_targets: list[dict[str, str]] = field(default_factory=list)
    targets: list[dict[str, str]] = field(default_factory=list)
    actions: list[dict[str, str]] = field(default_factory=list)


def build_document(session: Session, user: User, pep_id: str) -> PepDocument:
    pep, child = pep_for(session, user, pep_id)
    audit.record(session, user, "document.read", child_id=child.id, pep_id=pep.id)
    sections = section_contents(session, pep)
    name, child_rows = _child_rows(session, pep, child, sections["A"])
    doc = PepDocument(title=f"Personal Education Plan: {name}", child_name=name)
    doc.rows["The child"] = child_rows
    care = care_details.entry(session, pep.id)
    doc.rows["Personal and care details"] = _care_rows(care)
    doc.school_history = [
        {
            "school": s["school_name"],
            "from": uk(s["from_date"]),
            "to": uk(s["to_date"]) if s["to_date"] else "Still there",
            "reason": s["reason_for_leaving"] or "",
        }
        for s in care["school_history"]
    ]
    doc.rows["The PEP meeting"] = _meeting_rows(pep)
    _views(session, pep, child, doc)
    doc.other_views = [
        {k: v[k] for k in ("kind_label", "text", "given_by", "recorded_as")}
        for v in contributor_views.entries(session, pep.id)
    ]
    doc.rows[SCHOOL_DATA] = _school_data_rows(session, pep)
    doc.rows["Education arrangements"] = _pairs(sections["C"], exclude={"actions"})
    summary = education_summary.entry(session, pep.id)
    doc.rows["Education summary"] = [
        (label, summary[key] or "Not recorded") for key, label in EDUCATION_SUMMARY_LABELS.items()
    ]
    doc.rows["Attendance, SEND and education summary"] = _pairs(sections["D"])
    doc.actions = [
        {"what": a.text, "who": a.owner, "when": uk(a.due_date), "done": "Yes" if a.done else "No"}
        for a in peps_repo.meeting_actions(session, pep.id)
    ] + [_strings(a) for a in sections["C"].get("actions", []) if isinstance(a, dict)]
    said = target_voice.answers(session, pep, child)
    for target in peps_repo.targets(session, pep.id):
        row = _target_row(target, said)
        (doc.previous_targets if target.kind == "previous" else doc.targets).append(row)
    doc.rows["Virtual school sign-off"] = _signoff_rows(session, pep, sections["E"])
    return doc


SCHOOL_DATA = "Attendance, exclusions and attainment this term"


def _school_data_rows(session: Session, pep: Pep) -> list[tuple[str, str]]:
    """The school's record, then one row a suspension and one a subject; none until saved."""
    record = school_data.record_out(session, pep)
    if not record["recorded"]:
        return []
    return [
        *school_data.summary_rows(record),
        *(school_data.suspension_rows(record) or [("Suspensions and exclusions", "None")]),
        *school_data.attainment_rows(record),
    ]


def _child_rows(
    session: Session, pep: Pep, child: Child, section_a: dict[str, Any]
) -> tuple[str, list[tuple[str, str]]]:
    """The child's name and rows: as signed off for a signed-off PEP, else as now."""
    name, rows = child_facts.as_printed(session, pep, child)
    return name, [*rows, *_pairs(section_a)]


def _care_rows(care: dict[str, Any]) -> list[tuple[str, str]]:
    placement = care["placement_type"]
    moves = care["placement_moves_last_12_months"]
    return [
        (
            "Type of placement",
            PLACEMENT_TYPE_LABELS[placement.value] if placement else "Not recorded",
        ),
        ("Placement started", uk(care["placement_start_date"])),
        ("Carer", care["carer_name"] or "Not recorded"),
        ("Carer's relationship or role", care["carer_role"] or "Not recorded"),
        ("Placement moves in the last 12 months", "Not recorded" if moves is None else str(moves)),
        ("Other agencies involved", care["other_agencies"] or "None recorded"),
    ]


def _meeting_rows(pep: Pep) -> list[tuple[str, str]]:
    people = pep.attendees or []
    invited = "; ".join(f"{a.get('name')} ({a.get('role')})" for a in people)
    came = "; ".join(f"{a.get('name')} ({a.get('role')})" for a in people if a.get("attended"))
    return [
        ("PEP type", PEP_TYPE_LABELS[pep.pep_type.value]),
        ("Term", pep.term),
        ("Meeting date", uk(pep.meeting_date)),
        ("Venue", pep.meeting_venue or "Not recorded"),
        ("Invited", invited or "Not recorded"),
        ("Attendees", came or "Not recorded"),
        ("The child", ATTENDED_TEXT.get(pep.child_attended or "", "Not recorded")),
        ("Next PEP meeting", uk(pep.next_meeting_date)),
        ("Chaired by", pep.meeting_chair or "Not recorded"),
        ("Notes taken by", pep.note_taker or "Not recorded"),
        ("Summary of the meeting", pep.meeting_summary or "Not recorded"),
    ]


# What stands in place of words raised as a safeguarding concern and not released.
WITHHELD_TEXT = "Raised with the designated safeguarding lead"


def _views(session: Session, pep: Pep, child: Child, doc: PepDocument) -> None:
    view = build_view(session, pep, child)
    for topic in view["topics"]:
        rating = topic["rating"]
        words = topic["answer"] or ""
        if topic.get("withheld"):
            words = WITHHELD_TEXT
        elif topic["status"] != "answered":
            words = STATUS_TEXT[topic["status"]]
        doc.views.append(
            {
                "topic": topic_titles()[topic["topic"]],
                "question": topic["question"] or "",
                "rating": f"{rating} of 5 ({RATING_WORDS[rating]})" if rating else "",
                "words": words,
                "status": topic["status"],
            }
        )
    meeting = {**view["meeting"], **dict.fromkeys(view["meeting_withheld"], WITHHELD_TEXT)}
    helper = view["completed_with"]
    summary = WITHHELD_TEXT if view["summary_withheld"] else view["summary"]
    doc.view_notes = [
        ("Completed with", helped_by(helper) or "Not recorded"),
        ("Interpreter or language support", helper.get("interpreter_language") or "None"),
        ("Summary in my words", summary or "Not completed"),
        ("I agreed the summary", {True: "Yes", False: "No"}.get(view["child_agreed"], "Not asked")),
        ("The meeting", ATTEND_TEXT.get(meeting["wants_to_attend"] or "", "Not asked")),
        ("What I want the meeting to hear", meeting["message_for_meeting"] or "Nothing given"),
        ("Who will say it for me", meeting["spoken_by"] or "Not chosen"),
        (
            "I would like a copy of my PEP",
            {True: "Yes", False: "No"}.get(meeting["wants_copy"], "Not asked"),
        ),
        ("The copy I would like", COPY_TEXT.get(meeting.get("copy_format") or "", "Not chosen")),
        *after_meeting_rows(view),
        *late_answer_rows(view),
    ]


def late_answer_rows(view: dict[str, Any]) -> list[tuple[str, str]]:
    """Words sent after their question had moved on, named by the question they answered."""
    titles = topic_titles()
    rows = []
    for late in view.get("late_answers", []):
        asked = titles.get(late["topic"] or "", "a question")
        rows.append((f"Also said, after the question had moved on: {asked}", late["text"]))
    return rows


COPY_TEXT = {"what_i_said": "A short page of what I said", "document": "The full PEP document"}

AFTER_MEETING = (
    ("how_it_went", "After the meeting: how it went for me"),
    ("agrees_with_plan", "After the meeting: do I agree with the plan"),
    ("understands_plan", "After the meeting: do I understand the plan"),
)


# How the "Don't know" button was stored before it wrote the status ("dont_know").
PRESSED_DONT_KNOW = "don't know"


def after_meeting_rows(view: dict[str, Any]) -> list[tuple[str, str]]:
    """The child's check-back after the meeting, in their words; nothing when never asked."""
    said = view["after_meeting"]
    withheld = set(view.get("after_meeting_withheld", []))
    if not said and not withheld:
        return []
    rows = []
    for key, label in AFTER_MEETING:
        value = said.get(key)
        if key in withheld:
            value = WITHHELD_TEXT
        elif value in STATUS_TEXT or value == PRESSED_DONT_KNOW:
            value = STATUS_TEXT["dont_know" if value == PRESSED_DONT_KNOW else value]
        rows.append((label, value or "Not asked"))
    return rows


def _target_row(target: Any, said: dict[str, dict[str, Any]]) -> dict[str, str]:
    """A target row; "said" is the child's answer the school linked it to, in their words."""
    linked = said.get(target.answers_topic or "")
    # The cost once: PP+ words that already name it ("Tutoring 10 x 1 hour £300") keep theirs.
    named = "£" in (target.ppp or "")
    cost = f"£{target.ppp_cost_pence / 100:,.2f}" if target.ppp_cost_pence and not named else ""
    decision = f" ({target.ppp_decision})" if target.ppp_decision else ""
    return {
        "said": linked["words"] if linked else "Not linked to my words",
        "what": target.what,
        "how": target.how,
        "who": target.who,
        "when": target.when,
        "outcome": target.outcome,
        "ppp": " ".join(p for p in (target.ppp, cost) if p) + decision,
        "review": (target.review_status or "").replace("_", " "),
        "review_note": target.review_note or "",
    }


# Section E's free-form keys that the typed decisions now say, so they are not said twice.
QA_MIRROR = {"qa_history", "qa_grade", "qa_note", "qa_by"}


def _signoff_rows(session: Session, pep: Pep, section_e: dict[str, Any]) -> list[tuple[str, str]]:
    status = pep.status.value.replace("_", " ").capitalize()
    rows = [("Status", status)]
    if pep.signed_off_at:
        rows.append(("Signed off on", pep.signed_off_at.strftime("%d/%m/%Y")))
    for entry in workflow.qa_history(session, pep.id):
        said = "Signed off" if entry["decision"] == "sign_off" else "Returned to the school"
        note = f": {entry['note']}" if entry["note"] else ""
        rows.append((f"{said}, {entry['at']}", f"{entry['grade']}, by {entry['by']}{note}"))
    return rows + _pairs(section_e, exclude=QA_MIRROR)


def _pairs(content: dict[str, Any], exclude: set[str] | None = None) -> list[tuple[str, str]]:
    out = []
    for key, value in content.items():
        if (exclude and key in exclude) or isinstance(value, list | dict):
            continue
        out.append((key.replace("_", " ").capitalize(), "" if value is None else str(value)))
    return out


def _strings(item: dict[str, Any]) -> dict[str, str]:
    return {k: str(v) for k, v in item.items()}
