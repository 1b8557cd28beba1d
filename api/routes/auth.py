"""Sign-in: OAuth2's password flow, answering a short-lived bearer token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form

from api.deps import CurrentUser, SessionDep, SettingsDep
from api.repositories import users as users_repo
from api.services.auth import sign_in

router = APIRouter(prefix="/api/v1", tags=["auth"])


@router.post("/auth/token")
def token(
    session: SessionDep,
    settings: SettingsDep,
    username: Annotated[str, Form(min_length=1, max_length=100)],
    password: Annotated[str, Form(min_length=1, max_length=200)],
) -> dict[str, str]:
    access_token = sign_in(session, settings, username, password)
    return {"access_token": access_token, "token_type": "bearer"}


@router.get("/me")
def me(user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    school = users_repo.school(session, user.school_id)
    return {
        "username": user.username,
        "full_name": user.full_name,
        "role": user.role.value,
        "school": school.name if school else None,
    }
