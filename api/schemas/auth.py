"""Sign-in's answers: the bearer token, and who it belongs to."""

from __future__ import annotations

from typing import Literal

from api.models.enums import Role
from api.schemas.common import ResponseModel


class TokenOut(ResponseModel):
    access_token: str
    token_type: Literal["bearer"]


class Profile(ResponseModel):
    username: str
    full_name: str
    role: Role
    school: str | None
