"""The forms for section A's personal and care details and section D's education summary.

Each saves its PEP record and, through the same service as PATCH /api/v1/children/{id}, the
child's own UPN and SEND fields, in one transaction: a problem anywhere stores nothing, and the
form comes back with every problem listed and linked to its field, and what was typed kept.
"""

from __future__ import annotations

from itertools import zip_longest
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from api.deps import Caller, SessionDep
from api.errors import AppError, FormInvalid, Unprocessable
from api.models.enums import AgeBand
from api.page_deps import PageUser, form_errors, show_on_error
from api.page_forms import FormReader, date_boxes, iso_day, save_unless_changed, sentence
from api.presentation.labels import (
    EDUCATION_SUMMARY_LABELS,
    PLACEMENT_TYPE_LABELS,
    SEND_STATUS_LABELS,
)
from api.presentation.record_forms import (
    CHILD_FIELDS,
    FIELDS,
    MAX_SHORT,
    boxes,
    changed_only,
    child_fields,
    child_values,
    child_was,
    namer,
    number,
    read_history,
)
from api.schemas.care import CareDetailsWrite, ChildRecordUpdate, EducationSummaryWrite
from api.schemas.common import MAX_NAME, MAX_TEXT
from api.services import care_details, child_record, education_summary
from api.services.life_dates import before_birth
from api.services.peps import age_band
from api.templating import not_found, render

router = APIRouter(tags=["pages"], include_in_schema=False)

# No length limit here: a field over its limit would be refused before the route runs, as JSON,
# and what was typed lost. BodySizeLimit bounds the whole form; each field's own limit (the
# API schema's) is checked by the FormReader, which names it in the error summary.
ShortField = Annotated[str, Form()]
LongField = Annotated[str, Form()]
Rows = Annotated[list[str] | None, Form()]


async def _record_as_read(request: Request) -> dict[str, str] | None:
    """The child's record as the form read it (`was_*` hidden fields); None from a form
    without them."""
    form = await request.form()
    was = {name: form.get(f"was_{name}") for name in CHILD_FIELDS}
    if all(value is None for value in was.values()):
        return None
    return {name: value if isinstance(value, str) else "" for name, value in was.items()}


RecordAsRead = Annotated[dict[str, str] | None, Depends(_record_as_read)]
BLANK_ROWS = 2
UPN_LENGTH = 13
UPN_WORDS = (
    "The UPN must be 13 characters: a letter, 11 digits, then a digit or a letter "
    "(for example A123456789012)"
)


def _upn_length(reader: FormReader, upn: str) -> None:
    """A UPN too long to be one, in the schema's words rather than its "at most 13 items"."""
    if len("".join(upn.split())) > UPN_LENGTH:
        reader.problem("upn", UPN_WORDS)


def _page(
    request: Request, template: str, user: Caller, pep: Any, child: Any, **context: Any
) -> Response:
    errors = context.get("errors", [])
    return render(
        request,
        template,
        {
            "page_title": f"{context.pop('title')} for {child.full_name}",
            "user": user,
            "pep": pep,
            "child": child,
            "errors": errors,
            "error_for": {e["field"]: e["message"] for e in errors},
            "send_status_labels": SEND_STATUS_LABELS,
            **context,
        },
        status_code=400 if errors else 200,
    )


def _again(title: str, template: str, service: Any) -> Any:
    """The form again with its problems and what was typed; any other refusal as a page."""

    def page(request: Request, session: Session, user: Caller | None, exc: AppError) -> Response:
        assert user is not None
        if not isinstance(exc, FormInvalid | Unprocessable):
            return not_found(request, user, exc.message, exc.status_code)
        name = namer(getattr(request.state, "history_rows", []))
        ids = {field_id for field_id, _label in FIELDS.values()}
        errors = [_on_form(e, ids, name) for e in form_errors(exc)]
        pep, child = service.require_writer(session, user, request.path_params["pep_id"])
        values = request.state.form_values
        response = _page(
            request,
            template,
            user,
            pep,
            child,
            title=title,
            values=values,
            errors=errors,
            **_extras(child),
        )
        response.status_code = exc.status_code  # 400, or 409 when saved meanwhile by another
        return response

    return page


def _on_form(error: dict[str, str], ids: set[str], name: Any) -> dict[str, str]:
    """A service's refusal, named by the model's field, put on the form's field in words."""
    if error["field"] in ids or "-" in error["field"]:
        return error
    field_id, label = name(error["field"])
    return {"field": field_id, "message": f"{sentence(label)} {error['message']}"}


def _before_birth_on_boxes(
    reader: FormReader, child: Any, care: dict[str, Any], places: list[int]
) -> None:
    """Dates before the child's birth, named with the form's other problems, on their boxes
    (the service refuses them too, but only once everything else is right)."""
    dated = [
        ("placement_start-day", "the date the placement started", care["placement_start_date"])
    ]
    dated += [
        (f"history_from-{i}-day", f"the date they joined school {i + 1}", row["from_date"])
        for i, row in zip(places, care["school_history"], strict=True)
    ]
    labels = {field: label for field, label, _value in dated}
    days = [(field, iso_day(value)) for field, _l, value in dated]
    for field, reason in before_birth(child, days):
        reader.problem(field, f"{sentence(labels[field])} {reason}")


def _extras(child: Any) -> dict[str, Any]:
    return {
        "placement_labels": PLACEMENT_TYPE_LABELS,
        "summary_labels": EDUCATION_SUMMARY_LABELS,
        "shows_pathway_plan": age_band(child) == AgeBand.POST16,
    }


CARE_TITLE, CARE_TEMPLATE = "Personal and care details", "care_details.html"


@router.get("/peps/{pep_id}/care-details")
def care_details_page(
    request: Request, pep_id: str, user: PageUser, session: SessionDep
) -> Response:
    pep, child = care_details.require_writer(session, user, pep_id)
    record = care_details.read(session, user, pep_id)
    history = [
        {
            "school": s["school_name"],
            "from": date_boxes(s["from_date"]),
            "to": date_boxes(s["to_date"]),
            "reason": s["reason_for_leaving"] or "",
        }
        for s in record["school_history"]
    ]
    blank = {"school": "", "from": date_boxes(None), "to": date_boxes(None), "reason": ""}
    values: dict[str, Any] = {
        "placement_type": record["placement_type"] or "",
        "placement_start": date_boxes(record["placement_start_date"]),
        "carer_name": record["carer_name"] or "",
        "carer_role": record["carer_role"] or "",
        "placement_moves": number(record["placement_moves_last_12_months"]),
        "other_agencies": record["other_agencies"] or "",
        "history": history + [dict(blank) for _ in range(BLANK_ROWS)],
        "based_on": record["updated_at"] or "",
        **child_values(child),
        "was": child_was(child),
    }
    return _page(
        request, CARE_TEMPLATE, user, pep, child, title=CARE_TITLE, values=values, **_extras(child)
    )


@router.post("/peps/{pep_id}/care-details")
def care_details_form(
    request: Request,
    pep_id: str,
    user: PageUser,
    session: SessionDep,
    placement_type: ShortField = "",
    start_day: Annotated[str, Form(alias="placement_start-day")] = "",
    start_month: Annotated[str, Form(alias="placement_start-month")] = "",
    start_year: Annotated[str, Form(alias="placement_start-year")] = "",
    carer_name: ShortField = "",
    carer_role: ShortField = "",
    placement_moves: ShortField = "",
    other_agencies: LongField = "",
    history_school: Rows = None,
    from_day: Annotated[list[str] | None, Form(alias="history_from-day")] = None,
    from_month: Annotated[list[str] | None, Form(alias="history_from-month")] = None,
    from_year: Annotated[list[str] | None, Form(alias="history_from-year")] = None,
    to_day: Annotated[list[str] | None, Form(alias="history_to-day")] = None,
    to_month: Annotated[list[str] | None, Form(alias="history_to-month")] = None,
    to_year: Annotated[list[str] | None, Form(alias="history_to-year")] = None,
    history_reason: Rows = None,
    upn: ShortField = "",
    send_status: ShortField = "",
    review_day: Annotated[str, Form(alias="ehcp_review-day")] = "",
    review_month: Annotated[str, Form(alias="ehcp_review-month")] = "",
    review_year: Annotated[str, Form(alias="ehcp_review-year")] = "",
    post16_pathway_plan: ShortField = "",
    based_on: ShortField = "",
    was: RecordAsRead = None,
) -> Response:
    """Section A, and the child's UPN and SEND fields, saved together or not at all."""
    show_on_error(request, _again(CARE_TITLE, CARE_TEMPLATE, care_details))
    _pep, child = care_details.require_writer(session, user, pep_id)
    columns = (
        history_school,
        from_day,
        from_month,
        from_year,
        to_day,
        to_month,
        to_year,
        history_reason,
    )
    rows = [
        {"school": r[0], "from": boxes(*r[1:4]), "to": boxes(*r[4:7]), "reason": r[7]}
        for r in zip_longest(*(c or [] for c in columns), fillvalue="")
    ]
    values: dict[str, Any] = {
        "placement_type": placement_type,
        "placement_start": boxes(start_day, start_month, start_year),
        "carer_name": carer_name,
        "carer_role": carer_role,
        "placement_moves": placement_moves,
        "other_agencies": other_agencies,
        "history": rows,
        "upn": upn,
        "send_status": send_status,
        "ehcp_review": boxes(review_day, review_month, review_year),
        "post16_pathway_plan": post16_pathway_plan,
        "based_on": based_on,
        "was": was or {},
    }
    request.state.form_values = values
    reader = FormReader()
    history, request.state.history_rows = read_history(reader, rows)
    care = {
        "based_on": based_on,
        "placement_type": placement_type or None,
        "placement_start_date": reader.date(
            "placement_start", "the date the placement started", values["placement_start"]
        ),
        "carer_name": reader.text("carer_name", "the carer's name", carer_name, limit=MAX_NAME),
        "carer_role": reader.text(
            "carer_role", "the carer's relationship or role", carer_role, limit=MAX_SHORT
        ),
        "placement_moves_last_12_months": reader.whole_number(
            "placement_moves", "the number of placement moves", placement_moves, low=0, high=50
        ),
        "school_history": history,
        "other_agencies": reader.text(
            "other_agencies",
            "other agencies involved",
            other_agencies,
            limit=MAX_TEXT,
            one_line=False,
        ),
    }
    _before_birth_on_boxes(reader, child, care, request.state.history_rows)
    pathway = age_band(child) == AgeBand.POST16
    changes = changed_only(child_fields(reader, values, pathway), was)
    _upn_length(reader, upn)
    # The schema's rules are read in the same round as the boxes: every problem at once.
    name = namer(request.state.history_rows)
    care_data = reader.validated(CareDetailsWrite, care, name)
    child_data = reader.validated(ChildRecordUpdate, changes, name)
    reader.check()
    assert care_data is not None and child_data is not None
    save_unless_changed(
        lambda: care_details.save(session, user, pep_id, care_data), values, "placement_type"
    )
    child_record.update_child(session, user, child.id, child_data)
    return RedirectResponse(f"/peps/{pep_id}#care-details", status_code=303)


SUMMARY_TITLE, SUMMARY_TEMPLATE = "Education summary", "education_summary.html"


@router.get("/peps/{pep_id}/education-summary")
def education_summary_page(
    request: Request, pep_id: str, user: PageUser, session: SessionDep
) -> Response:
    pep, child = education_summary.require_writer(session, user, pep_id)
    record = education_summary.read(session, user, pep_id)
    values: dict[str, Any] = {
        **{f: record[f] or "" for f in EDUCATION_SUMMARY_LABELS},
        "based_on": record["updated_at"] or "",
        **child_values(child),
        "was": child_was(child),
    }
    return _page(
        request,
        SUMMARY_TEMPLATE,
        user,
        pep,
        child,
        title=SUMMARY_TITLE,
        values=values,
        **_extras(child),
    )


@router.post("/peps/{pep_id}/education-summary")
def education_summary_form(
    request: Request,
    pep_id: str,
    user: PageUser,
    session: SessionDep,
    progress_since_last_pep: LongField = "",
    strengths: LongField = "",
    barriers_to_learning: LongField = "",
    send_support: LongField = "",
    interventions: LongField = "",
    pupil_premium_plus: LongField = "",
    upn: ShortField = "",
    send_status: ShortField = "",
    review_day: Annotated[str, Form(alias="ehcp_review-day")] = "",
    review_month: Annotated[str, Form(alias="ehcp_review-month")] = "",
    review_year: Annotated[str, Form(alias="ehcp_review-year")] = "",
    based_on: ShortField = "",
    was: RecordAsRead = None,
) -> Response:
    """Section D's summary, and the child's SEND fields, saved together or not at all."""
    show_on_error(request, _again(SUMMARY_TITLE, SUMMARY_TEMPLATE, education_summary))
    _pep, child = education_summary.require_writer(session, user, pep_id)
    typed = {
        "progress_since_last_pep": progress_since_last_pep,
        "strengths": strengths,
        "barriers_to_learning": barriers_to_learning,
        "send_support": send_support,
        "interventions": interventions,
        "pupil_premium_plus": pupil_premium_plus,
    }
    values: dict[str, Any] = {
        **typed,
        "upn": upn,
        "send_status": send_status,
        "ehcp_review": boxes(review_day, review_month, review_year),
        "based_on": based_on,
        "was": was or {},
    }
    request.state.form_values = values
    reader = FormReader()
    summary: dict[str, Any] = {
        field: reader.text(field, FIELDS[field][1], value, limit=MAX_TEXT, one_line=False)
        for field, value in typed.items()
    }
    summary["based_on"] = based_on
    changes = changed_only(child_fields(reader, values, pathway=False), was)
    _upn_length(reader, upn)
    name = namer([])
    summary_data = reader.validated(EducationSummaryWrite, summary, name)
    child_data = reader.validated(ChildRecordUpdate, changes, name)
    reader.check()
    assert summary_data is not None and child_data is not None
    save_unless_changed(
        lambda: education_summary.save(session, user, pep_id, summary_data),
        values,
        "progress_since_last_pep",
    )
    child_record.update_child(session, user, child.id, child_data)
    return RedirectResponse(f"/peps/{pep_id}#education-summary", status_code=303)
