"""The designated teacher's targets page: the policy's six columns, checked as they type."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import SessionDep
from api.page_deps import PageUser
from api.services import target_voice
from api.services import targets as targets_service
from api.services.peps import age_band
from api.services.target_presentation import target_out
from api.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/peps/{pep_id}/targets")
def targets_page(request: Request, pep_id: str, user: PageUser, session: SessionDep) -> Response:
    pep, child, targets = targets_service.list_targets(session, user, pep_id)
    answers = target_voice.answers(session, pep, child)
    return render(
        request,
        "targets.html",
        {
            "page_title": f"Targets for {child.full_name}",
            "user": user,
            "pep": pep,
            "child": child,
            "key_stage": age_band(child).value,
            "child_words": [answers[t] for t in target_voice.SHOWN_TOPICS if t in answers],
            "answers": answers,
            "review_date": pep.next_meeting_date,
            "previous": [target_out(t) for t in targets if t.kind == "previous"],
            "current": [target_out(t) for t in targets if t.kind == "new"],
            "can_write": user.role in targets_service.WRITERS
            and pep.status.value in ("draft", "returned"),
        },
    )
