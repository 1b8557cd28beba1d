"""Field types shared by the request models: bounded text so no body can grow without limit."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

MAX_TEXT = 2000

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT)]


class StrictModel(BaseModel):
    """Unknown fields are refused, so a typo in a field name is an error, not silently lost."""

    model_config = ConfigDict(extra="forbid")
