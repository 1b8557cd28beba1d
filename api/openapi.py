"""The OpenAPI document tells the truth about every error the JSON API can answer.

FastAPI documents only the 422 it raises itself, with a body (HTTPValidationError) that this app
never sends: every error here goes through api.errors' one handler, or the middleware in front of
the routes, as `{"detail": "...", "errors": [...]}`. Rather than repeat the same `responses=` on
every decorator, the answers that hold for whole classes of routes are added here, once, when the
document is built; a route's own `responses=` still says why it answers, say, 409.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field

API_PREFIX = "/api/"
ERROR_REF = "#/components/schemas/ErrorBody"


class ErrorItem(BaseModel):
    field: str = Field(description="the field to put right, or `body` for the whole request")
    message: str
    fix_at: str | None = Field(
        default=None,
        description="where the thing is put right, on a refused sign-off: a page link",
    )


class ErrorBody(BaseModel):
    """What every error answer carries, from api.errors' handler and the middleware alike."""

    detail: str = Field(description="one sentence a person can act on")
    errors: list[ErrorItem] = Field(description="each field that is wrong, when there are several")


# Answers any API route can give, whatever it does: the middleware runs before every route.
EVERY_ROUTE: dict[str, str] = {
    "400": "the request could not be read: a query string with a control character, "
    "or a body that is not UTF-8",
    "404": "nothing at that address, or a child, PEP or session outside the caller's reach "
    "(never says which)",
    "413": "the request body is larger than the limit",
    "422": "a field is missing or not valid; `errors` names each one",
}
# Answers a change can give: the PEP has gone for QA or been signed off, or the session closed.
CHANGES: dict[str, str] = {
    "409": "the PEP or session is in a state that refuses this change "
    "(submitted for quality assurance, signed off, or closed)",
}
UNSAFE = {"post", "put", "patch", "delete"}
# Answers a route that needs a credential can give.
SIGNED_IN: dict[str, str] = {
    "401": "no valid credential was sent, or it was revoked or has ended",
    "403": "the caller's role may not do this",
}


def document_errors(document: dict[str, Any]) -> dict[str, Any]:
    """Add the shared error answers to every API operation, each with the real error body."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorItem, ErrorBody):
        schemas[model.__name__] = model.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
    schemas["ErrorBody"].pop("$defs", None)
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for path, operations in document.get("paths", {}).items():
        if not path.startswith(API_PREFIX):
            continue
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            signed_in = bool(operation.get("security"))
            shared = {
                **EVERY_ROUTE,
                **(SIGNED_IN if signed_in else {}),
                **(CHANGES if signed_in and method in UNSAFE else {}),
            }
            for status, description in shared.items():
                responses.setdefault(status, {"description": description})
            for status, response in responses.items():
                if status.isdigit() and int(status) >= 400:
                    if response.get("description") in ("Validation Error", None):
                        response["description"] = shared.get(status, "refused")
                    response["content"] = {"application/json": {"schema": {"$ref": ERROR_REF}}}
    return document


def install_openapi(app: FastAPI) -> None:
    """Build the document once, with the shared error answers, the first time it is asked for."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_errors(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    summary=app.summary,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
