"""The chat page for the child and their helper.

The child's link carries its token in the URL fragment, which browsers never send to the
server, so this page is served to anyone and the script proves the token on each API call.
A session that cannot be spoken in any more (the link expired, the session closed, the PEP
sent for QA) gets a plain page saying so (410), which keeps the safety button and says where
help is now, and an unknown one a plain 404: words a child can read, with nothing about the
child.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import OptionalUser, SessionDep
from api.services import voice_sessions
from api.templating import render
from vocabulary import help_now, read_aloud_bands, symbol_alts

UNKNOWN_LINK = "This link is not right. Ask the adult helping you for a new one."

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/chat/{session_id}")
def chat_page(
    request: Request, session_id: str, user: OptionalUser, session: SessionDep
) -> Response:
    voice = voice_sessions.by_id(session, session_id)
    ended = voice_sessions.link_ended(session, voice) if voice is not None else None
    if voice is None or ended:
        return render(
            request,
            "link_ended.html",
            {
                "page_title": "This link has ended" if ended else "Link not found",
                "heading": "This link has ended" if ended else "Link not found",
                "message": ended or UNKNOWN_LINK,
                "user": user,
                # The help route hears an ended link still; an unknown one has nobody to tell.
                "session_id": session_id if ended else None,
                "help_now": help_now("any_age"),
            },
            status_code=410 if ended else 404,
        )
    adult = user is not None and voice_sessions.session_for_adult(session, user, session_id)
    return render(
        request,
        "chat.html",
        {
            "page_title": "Your views",
            "user": user,
            "session_id": session_id,
            "is_adult": bool(adult),
            "symbol_alts": symbol_alts(),
            "read_aloud_bands": read_aloud_bands(),
        },
    )
