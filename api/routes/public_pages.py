"""The privacy notice and the accessibility statement: public, no sign-in.

Anyone may need them before signing in, a child or carer included, so they ask for nothing.
Each is written for this service and names the council from the settings.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request, Response

from api.deps import OptionalUser, SettingsDep
from api.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)

# When the accessibility statement was prepared and last reviewed: change these when the
# service is tested again (the regulations ask for the date on the statement).
ACCESSIBILITY_PREPARED = date(2026, 11, 30)
ACCESSIBILITY_REVIEWED = date(2026, 11, 30)


def duration(minutes: int) -> str:
    """30 minutes, 2 hours, 1 hour: how long, in the words the statement uses."""
    if minutes % 60:
        return f"{minutes} minutes"
    hours = minutes // 60
    return f"{hours} hour" if hours == 1 else f"{hours} hours"


@router.get("/privacy")
def privacy_notice(request: Request, user: OptionalUser, settings: SettingsDep) -> Response:
    return render(
        request,
        "privacy.html",
        {
            "page_title": "Privacy notice",
            "user": user,
            "dpo_email": settings.authority_dpo_email,
            "care_record_retention": settings.care_record_retention,
        },
    )


@router.get("/accessibility")
def accessibility_statement(
    request: Request, user: OptionalUser, settings: SettingsDep
) -> Response:
    return render(
        request,
        "accessibility.html",
        {
            "page_title": "Accessibility statement",
            "user": user,
            "contact_email": settings.authority_accessibility_email,
            "staff_sign_in": duration(settings.access_token_minutes),
            "child_link": duration(settings.child_link_minutes),
            "prepared": ACCESSIBILITY_PREPARED,
            "reviewed": ACCESSIBILITY_REVIEWED,
        },
    )
