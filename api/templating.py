"""Jinja2 templates with GOV.UK Frontend's macros, autoescaped, and UK date formatting."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from api.config import get_settings
from api.csrf import csrf_token

TEMPLATES_DIR = Path(__file__).parent / "templates"


def uk_date(value: date | datetime | str | None) -> str:
    """27 March 2027: the long UK form GOV.UK's style guide asks for."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return f"{value.day} {value:%B %Y at %H:%M}"
    return f"{value.day} {value:%B %Y}"


def error_link(error: dict[str, str]) -> dict[str, str]:
    """One error summary line, linked to the field's id as the GOV.UK error summary does."""
    field = error.get("field") or ""
    return {"text": error["message"], "href": f"#{field}"} if field else {"text": error["message"]}


def _anchor(error: Any) -> str:
    """The id an error summary line links to: its href's, or its field's."""
    if not isinstance(error, dict):
        return ""
    href = str(error.get("href") or "")
    return href[1:] if href.startswith("#") else str(error.get("field") or "")


def in_page_order(errors: list[Any], page: str) -> list[Any]:
    """The errors in the order their boxes come on `page` (the GOV.UK error summary's order);
    one whose box is not found keeps its place among the others, after them."""

    def place(error: Any) -> int:
        anchor = _anchor(error)
        found = page.find(f'id="{anchor}"') if anchor else -1
        return found if found >= 0 else len(page)

    return sorted(errors, key=place)


# A page showing any of these is a form with errors: its title starts "Error: " (GOV.UK).
ERROR_KEYS = ("errors", "error", "form_error", "missing")


def _build() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    env = templates.env
    env.loader = ChoiceLoader(
        [
            FileSystemLoader(str(TEMPLATES_DIR)),
            PrefixLoader(
                {"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}
            ),
        ]
    )
    env.autoescape = True
    env.filters["uk_date"] = uk_date
    env.filters["error_link"] = error_link
    return templates


templates = _build()


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> Response:
    """Every page gets the signed-in user, demo mode, the CSRF token, the sign-out form and
    whose service it is."""
    user = context.get("user")
    settings = get_settings()
    token = csrf_token(request.scope)
    base = {
        "demo_mode": settings.demo_mode,
        "user": user,
        "csrf_token": token,
        "authority_name": settings.authority_name,
        "authority_logo_url": settings.authority_logo_url,
        "page_has_errors": any(context.get(key) for key in ERROR_KEYS),
    }
    if user is not None:
        base["sign_out_form"] = templates.env.get_template("_sign_out.html").render(
            user=user, csrf_token=token
        )
    response = templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status_code
    )
    # Forms find their problems in the order they read them (the boxes, then the schema's
    # rules): the summary lists them as the page shows the boxes, whatever found them.
    errors = context.get("errors")
    if isinstance(errors, list) and len(errors) > 1:
        ordered = in_page_order(errors, bytes(response.body).decode())
        if ordered != errors:
            context = {**context, "errors": ordered}
            response = templates.TemplateResponse(
                request, name, {**base, **context}, status_code=status_code
            )
    return response


def not_found(
    request: Request, user: Any, message: str | None = None, status_code: int = 404
) -> Response:
    """The one page for anything outside the caller's caseload, or any refused step."""
    title = "Page not found" if status_code == 404 else "There is a problem"
    return render(
        request,
        "not_found.html",
        {"user": user, "message": message, "page_title": title},
        status_code=status_code,
    )
