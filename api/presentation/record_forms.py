"""The care-details and education-summary forms' fields: which model field each is, in what
words, and how a row of school history and the child's own fields are read from the form.

Kept apart from the routes so the two forms (and their error pages) read fields the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from api.page_forms import FormReader, date_boxes
from api.presentation.labels import EDUCATION_SUMMARY_LABELS

MAX_SHORT = 200

# A model field -> (the form's field id, the field in words).
FIELDS: dict[str, tuple[str, str]] = {
    "placement_type": ("placement_type", "the type of placement"),
    "placement_start_date": ("placement_start-day", "the date the placement started"),
    "carer_name": ("carer_name", "the carer's name"),
    "carer_role": ("carer_role", "the carer's relationship or role"),
    "placement_moves_last_12_months": ("placement_moves", "the number of placement moves"),
    "other_agencies": ("other_agencies", "other agencies involved"),
    "school_history": ("history_school-0", "the school history"),
    "upn": ("upn", "the UPN"),
    "send_status": ("send_status", "the SEND status"),
    "ehcp_annual_review_date": ("ehcp_review-day", "the EHCP annual review date"),
    "post16_pathway_plan": ("post16_pathway_plan", "the pathway plan"),
    **{f: (f, f"the {label.lower()}") for f, label in EDUCATION_SUMMARY_LABELS.items()},
}
ROW_FIELDS = {
    "school_name": ("history_school-{i}", "the name of school {n}"),
    "from_date": ("history_from-{i}-day", "the date they joined school {n}"),
    "to_date": ("history_to-{i}-day", "the date they left school {n}"),
    "reason_for_leaving": ("history_reason-{i}", "the reason they left school {n}"),
}


def namer(rows: list[int]) -> Any:
    """Model paths to form fields; `rows` maps a history row's place in the model to the form's."""

    def name(path: str) -> tuple[str, str]:
        parts = path.split(".")
        if parts[0] == "school_history" and len(parts) > 1 and parts[1].isdigit():
            i = rows[int(parts[1])] if int(parts[1]) < len(rows) else 0
            field_id, label = ROW_FIELDS[parts[2] if len(parts) > 2 else "to_date"]
            return field_id.format(i=i), label.format(n=i + 1)
        return FIELDS.get(parts[0], (parts[0], parts[0].replace("_", " ")))

    return name


def number(value: int | None) -> str:
    return "" if value is None else str(value)


def child_values(child: Any) -> dict[str, Any]:
    return {
        "upn": child.upn or "",
        "send_status": child.send_status or "",
        "ehcp_review": date_boxes(child.ehcp_annual_review_date),
        "post16_pathway_plan": child.post16_pathway_plan or "",
    }


# The child-record fields the care details and education summary forms also show.
CHILD_FIELDS = ("upn", "send_status", "ehcp_annual_review_date", "post16_pathway_plan")


def child_was(child: Any) -> dict[str, str]:
    """The child's record as the form read it, as text, to send back beside what is typed."""
    review = child.ehcp_annual_review_date
    return {
        "upn": child.upn or "",
        "send_status": child.send_status or "",
        "ehcp_annual_review_date": review.isoformat() if review else "",
        "post16_pathway_plan": child.post16_pathway_plan or "",
    }


def changed_only(changes: dict[str, Any], was: Mapping[str, str] | None) -> dict[str, Any]:
    """The child's fields this person changed. The form shows the whole record, but saving
    what was left alone would undo a change someone else made to it since the page opened
    (a SEND status the school set, a UPN). Without `was` (an older page), all are saved."""
    if was is None:
        return changes
    return {k: v for k, v in changes.items() if str(v or "") != was.get(k, "")}


def read_history(
    reader: FormReader, rows: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[int]]:
    """The rows a person filled in (blank rows are left out) and each one's place on the form."""
    kept, places = [], []
    for i, row in enumerate(rows):
        if not any(
            [
                row["school"].strip(),
                row["reason"].strip(),
                *row["from"].values(),
                *row["to"].values(),
            ]
        ):
            continue
        n = i + 1
        school = reader.text(
            f"history_school-{i}", f"the name of school {n}", row["school"], limit=MAX_SHORT
        )
        if not school:
            reader.problem(f"history_school-{i}", f"Enter the school's name for school {n}")
        joined = reader.date(f"history_from-{i}", f"the date they joined school {n}", row["from"])
        left = reader.date(f"history_to-{i}", f"the date they left school {n}", row["to"])
        if joined and left and left < joined:
            reader.problem(
                f"history_to-{i}-day",
                f"The date they left school {n} must be after the date they joined",
            )
        reason = reader.text(
            f"history_reason-{i}",
            f"the reason they left school {n}",
            row["reason"],
            limit=MAX_SHORT,
        )
        kept.append(
            {
                "school_name": school or "",
                "from_date": joined,
                "to_date": left,
                "reason_for_leaving": reason,
            }
        )
        places.append(i)
    return kept, places


def child_fields(reader: FormReader, values: dict[str, Any], pathway: bool) -> dict[str, Any]:
    fields = {
        "upn": values["upn"].strip() or None,
        "send_status": values["send_status"] or None,
        "ehcp_annual_review_date": reader.date(
            "ehcp_review", "the EHCP annual review date", values["ehcp_review"]
        ),
    }
    if pathway:
        fields["post16_pathway_plan"] = reader.text(
            "post16_pathway_plan",
            "the pathway plan",
            values["post16_pathway_plan"],
            limit=MAX_SHORT,
        )
    return fields


def boxes(day: str, month: str, year: str) -> dict[str, str]:
    return {"day": day, "month": month, "year": year}
