"""The chat page for the child and their helper.

The child's link carries its token in the URL fragment, which browsers never send to the
server, so this page is served to anyone and the script proves the token on each API call.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import OptionalUser, SessionDep
from api.services import voice_sessions
from api.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/chat/{session_id}")
def chat_page(
    request: Request, session_id: str, user: OptionalUser, session: SessionDep
) -> Response:
    adult = user is not None and voice_sessions.session_for_adult(session, user, session_id)
    return render(
        request,
        "chat.html",
        {
            "page_title": "Your views",
            "user": user,
            "session_id": session_id,
            "is_adult": bool(adult),
        },
    )
