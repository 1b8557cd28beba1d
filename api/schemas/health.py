"""What a load balancer reads: the app answers and its database does."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.schemas.common import ResponseModel


class Health(ResponseModel):
    status: Literal["ok"]
    database: Literal["ok"]
    models: Literal["loading", "ready"] = Field(
        description="The screen's and the coach's models: 'loading' for a short while after "
        "start; the API answers meanwhile, and the first chat turn or target check waits"
    )


class ScreenCostOut(ResponseModel):
    messages: int = Field(description="Child messages the screen has read since the API started")
    cpu_seconds: float = Field(
        description="The screen's own CPU for them, by the screening thread's clock: the "
        "largest piece of the API's CPU a chat turn costs"
    )
