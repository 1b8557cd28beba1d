"""What page routes depend on instead of catching errors.

A page route raises (or lets a service raise) and never catches: the request's transaction
then rolls back as a whole, and api.page_errors renders the GOV.UK page for the error. So a
form that fails half-way keeps none of its writes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from api.deps import OptionalUser
from api.errors import AppError, FormInvalid, SignInRequired
from api.models import User

# Renders a form's page again, showing what went wrong; called in a fresh transaction
# (the user is None only on the sign-in form).
FormPage = Callable[[Request, Session, User | None, AppError], Response]


def _this_page(request: Request) -> str | None:
    """Where to come back after signing in: only a page that can be asked for again (a GET)."""
    if request.method not in ("GET", "HEAD"):
        return None
    query = request.url.query
    return f"{request.url.path}?{query}" if query else request.url.path


def page_user(request: Request, user: OptionalUser) -> User:
    """The signed-in user; marks the request as a page's, so its errors render as pages."""
    request.state.page = True
    if user is None:
        raise SignInRequired(_this_page(request) or "/dashboard")
    request.state.page_user_id = user.id
    return user


PageUser = Annotated[User, Depends(page_user)]


def show_on_error(request: Request, page: FormPage) -> None:
    """Name the page that shows this form's errors, before anything in the form can fail."""
    request.state.form_page = page


def form_errors(exc: AppError) -> list[dict[str, str]]:
    """The errors a form page shows: each field's own, or the one message."""
    return exc.errors() or [{"field": "", "message": exc.message.split(": ", 1)[-1]}]


def validate_form(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """The form's fields as the API's schema reads them; FormInvalid naming each field if not."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FormInvalid(
            [
                {"field": str(e["loc"][0]) if e["loc"] else "", "message": str(e["msg"])}
                for e in exc.errors()
            ]
        ) from None
