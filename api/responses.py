"""A hot route's JSON answer, validated once, on the route's own worker thread."""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel


def model_response(model: BaseModel, *, status_code: int = 200) -> Response:
    """The model as JSON, exactly as FastAPI would write it (by alias, nothing left out).

    FastAPI checks a sync route's return value against its response model a second time, on a
    worker thread of its own: on a chat turn that is two more thread hops and two more
    validations (the child's request and the action server's). A route that has built its model
    returns this instead; its `response_model` still documents the answer.
    """
    return Response(
        model.model_dump_json(by_alias=True), status_code=status_code, media_type="application/json"
    )
