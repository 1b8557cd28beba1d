"""The one error path for pages: typed errors rendered as GOV.UK pages after the rollback.

By the time a handler runs, the request's session has rolled back and closed, so the page is
built in a fresh session: it shows what is stored, never the failed form's half-made writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

from fastapi import Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session

from api.db.session import db_session, get_db_session
from api.errors import AppError, Forbidden, FormInvalid, NotFound, SignInRequired
from api.repositories import users as users_repo
from api.templating import not_found, render


def is_page_request(request: Request, exc: Exception) -> bool:
    """A page's request (see api.page_deps.page_user), or a signed-out visitor to one."""
    return isinstance(exc, SignInRequired) or bool(getattr(request.state, "page", False))


def sign_in_url(next_path: str | None) -> str:
    return f"/sign-in?next={quote(next_path, safe='/')}" if next_path else "/sign-in"


@contextmanager
def _fresh_session(request: Request) -> Iterator[Session]:
    """A session as the routes get one (tests override it), committed like theirs."""
    provider = request.app.dependency_overrides.get(get_db_session, db_session)
    with contextmanager(provider)() as session:
        yield session


def page_error_response(request: Request, exc: AppError) -> Response:
    if isinstance(exc, SignInRequired):
        return RedirectResponse(sign_in_url(exc.next_path), status_code=303)
    user_id = getattr(request.state, "page_user_id", None)
    form_page = getattr(request.state, "form_page", None)
    with _fresh_session(request) as session:
        user = users_repo.by_id(session, user_id) if user_id else None
        if form_page is not None and not isinstance(exc, NotFound | Forbidden):
            response: Response = form_page(request, session, user, exc)
            return response
        if user is None:
            return RedirectResponse(sign_in_url(None), status_code=303)
        return not_found(request, user, exc.message, exc.status_code)


def busy_page(request: Request, *, retry_after: int) -> Response:
    """503 without reading the database, which is what is busy: no user in the header."""
    page = render(request, "busy.html", {"user": None}, status_code=503)
    page.headers["Retry-After"] = str(retry_after)
    return page


def validation_error_response(request: Request, exc: ValidationError) -> Response:
    """A service's schema refusing a page's form: the form's fields, put right on its page."""
    errors = [
        {
            "field": str(e["loc"][0]) if e["loc"] else "",
            "message": str(e["msg"]).removeprefix("Value error, "),
        }
        for e in exc.errors()
    ]
    return page_error_response(request, FormInvalid(errors))
