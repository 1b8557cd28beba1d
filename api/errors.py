"""Typed errors raised by services and rendered by one handler.

Services never raise HTTPException: they say what went wrong, and the handler decides how it
looks on the wire. Every error answer has the same shape: {"detail": "...", "errors": [...]}.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match


class AppError(Exception):
    status_code = 400

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status_code is not None:
            self.status_code = status_code

    def headers(self) -> dict[str, str]:
        return {}

    def errors(self) -> list[dict[str, str]]:
        """Itemised reasons, when there is more than one thing to put right."""
        return []


class NotFound(AppError):
    """Also what a caller outside the child's caseload gets, so it never learns the child exists."""

    status_code = 404


class NotAuthenticated(AppError):
    status_code = 401

    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": "Bearer"}


class Forbidden(AppError):
    status_code = 403


class Conflict(AppError):
    status_code = 409


def mid_sentence(text: str) -> str:
    """A sentence's words as they read after a colon: "The PEP meeting" -> "the PEP meeting"."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


class SignOffRefused(Conflict):
    """The virtual school signed off a PEP that does not yet meet the non-negotiables."""

    def __init__(self, missing: list[dict[str, str]]) -> None:
        labels = "; ".join(mid_sentence(m["label"]) for m in missing)
        super().__init__(f"the PEP cannot be signed off until these are met: {labels}")
        self.missing = missing

    def errors(self) -> list[dict[str, str]]:
        """Each unmet check, with the place on the PEP's pages where it is put right."""
        return [
            {
                "field": m["check"],
                "message": f"{m['label']}: {mid_sentence(m['fix'])}",
                "fix_at": m["fix_at"],
            }
            for m in self.missing
        ]


class TurnInProgress(Conflict):
    """This message's turn is still running elsewhere: ask again shortly, never run it twice."""

    def __init__(self, message: str, *, retry_after: int = 2) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class TooManyAttempts(AppError):
    """Sign-in is paused for this username or client: the same answer whether or not it exists."""

    status_code = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class Gone(AppError):
    """A credential that was good and has ended (an expired or closed child link): not a typo."""

    status_code = 410


class Unprocessable(AppError):
    """Well-formed input the service cannot use: named like a schema's refusal, so a client
    reads `errors` the same way whichever layer refused. Every field at fault is named, so a
    form can mark each of its boxes at once."""

    status_code = 422

    def __init__(self, field: str, reason: str, *more: tuple[str, str]) -> None:
        super().__init__(f"{field}: {reason}")
        self.problems = [(field, reason), *more]

    def errors(self) -> list[dict[str, str]]:
        return [{"field": field, "message": reason} for field, reason in self.problems]


class SignInRequired(AppError):
    """A page asked for by someone signed out: they are sent to sign in, then back to `next`."""

    status_code = 303

    def __init__(self, next_path: str) -> None:
        super().__init__("sign in first")
        self.next_path = next_path


class PageNotFound(NotFound):
    """A page the caller may not see, said the same way as one that does not exist."""

    def __init__(self, message: str = "There is nothing here for you.") -> None:
        super().__init__(message)


class FormInvalid(AppError):
    """A page's form with answers to put right, each error naming the field id it belongs to."""

    status_code = 400

    def __init__(self, errors: list[dict[str, str]], *, status_code: int | None = None) -> None:
        super().__init__(errors[0]["message"], status_code=status_code)
        self.field_errors = errors

    def errors(self) -> list[dict[str, str]]:
        return self.field_errors


BUSY_RETRY_AFTER = 2  # seconds: a lock is held for a transaction, never for long
# SQLite's BUSY and LOCKED result codes; PostgreSQL's lock_not_available, deadlock_detected and
# serialization_failure.
_SQLITE_BUSY = {5, 6}
_POSTGRES_BUSY = {"55P03", "40P01", "40001"}


def database_busy(exc: OperationalError) -> bool:
    """Whether the error is a lock that was not got in time, rather than a broken database."""
    orig = exc.orig
    return (
        getattr(orig, "sqlite_errorcode", None) in _SQLITE_BUSY
        or getattr(orig, "sqlstate", None) in _POSTGRES_BUSY
    )


HTTP_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


class ServiceUnavailable(AppError):
    status_code = 503

    def __init__(self, message: str, *, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    parts: list[str] = []
    for part in loc:
        if part in ("body", "query", "path", "form"):
            continue
        if part == "[key]" and parts:
            # The key itself is what was sent, so it is named, not echoed.
            parts[-1] = "(a field name)"
            continue
        parts.append(str(part))
    return ".".join(parts).replace(".(", " (") or "body"


def describe_validation_errors(errors: list[Any]) -> list[dict[str, str]]:
    """Name each field and what is wrong with it, without echoing the value sent."""
    described = []
    for err in errors:
        field = _field_path(err.get("loc", ()))
        message = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
        if err.get("type") == "json_invalid":
            field, message = "body", "the request body is not valid JSON"
        described.append({"field": field, "message": message})
    return described


def install_error_handlers(app: FastAPI) -> None:
    # Imported here: the page handler renders templates and reads users, which import this module.
    from api.page_errors import (
        busy_page,
        is_page_request,
        page_error_response,
        validation_error_response,
    )
    from api.templating import not_found

    @app.exception_handler(AppError)
    def _app_error(request: Request, exc: AppError) -> Response:
        """Sync, so the page handler's database read runs in the threadpool."""
        if is_page_request(request, exc):
            return page_error_response(request, exc)
        return JSONResponse(
            {"detail": exc.message, "errors": exc.errors()},
            status_code=exc.status_code,
            headers=exc.headers(),
        )

    @app.exception_handler(ValidationError)
    def _schema_error(request: Request, exc: ValidationError) -> Response:
        """A service's schema refusing a page's form; anywhere else it is a bug, as before."""
        if not is_page_request(request, exc):
            raise exc
        return validation_error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = describe_validation_errors(list(exc.errors()))
        summary = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
        return JSONResponse({"detail": summary, "errors": errors}, status_code=422)

    @app.exception_handler(OperationalError)
    def _database_busy(request: Request, exc: OperationalError) -> Response:
        """The database's lock not got in time (SQLite's busy timeout, a PostgreSQL lock or
        deadlock): nothing was stored, so the caller is told to try again, never a 500."""
        if not database_busy(exc):
            raise exc
        if is_page_request(request, exc):
            return busy_page(request, retry_after=BUSY_RETRY_AFTER)
        return JSONResponse(
            {"detail": "the service is busy; nothing was stored: try again shortly", "errors": []},
            status_code=503,
            headers={"Retry-After": str(BUSY_RETRY_AFTER)},
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and wants_a_page(request):
            # A mistyped address in a browser: a page with a way back, not JSON.
            return not_found(request, None, "Check the address, or go to your dashboard.")
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request))
        return JSONResponse(
            {"detail": str(exc.detail), "errors": []},
            status_code=exc.status_code,
            headers=headers,
        )


def wants_a_page(request: Request) -> bool:
    """A browser asking for a page: outside the API, and HTML accepted."""
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
        "accept", ""
    )


def allowed_methods(request: Request) -> list[str]:
    """The methods the resource at this path serves.

    Starlette's 405 names only the methods of the first route whose path matched, and routers
    included in the app list no methods at all. An API path takes its methods from the
    documented contract, the most specific template first (".../targets/draft" is not
    ".../targets/{target_id}"); any other path from every route that fully matches it.
    """
    documented = _documented_methods(request)
    if documented is not None:
        return documented
    return [
        method
        for method in HTTP_METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL
            for route in request.app.router.routes
        )
    ]


def _documented_methods(request: Request) -> list[str] | None:
    """The OpenAPI methods of the most specific path template matching the request's path."""
    templates = getattr(request.app.state, "allow_templates", None)
    if templates is None:
        templates = []
        for path, operations in request.app.openapi().get("paths", {}).items():
            pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(path))
            methods = sorted(m.upper() for m in operations if m.upper() in HTTP_METHODS)
            templates.append((path.count("{"), re.compile(pattern + "$"), methods))
        templates.sort(key=lambda t: t[0])
        request.app.state.allow_templates = templates
    path = request.url.path
    return next((methods for _, pattern, methods in templates if pattern.match(path)), None)
