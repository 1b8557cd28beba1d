"""What a load balancer reads: the app answers and its database does."""

from __future__ import annotations

from typing import Literal

from api.schemas.common import ResponseModel


class Health(ResponseModel):
    status: Literal["ok"]
    database: Literal["ok"]
