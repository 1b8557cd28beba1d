"""Sign-in: OAuth2's password flow, answering a short-lived bearer token; and signing out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Response

from api.deps import (
    ClientAddress,
    CurrentUser,
    SessionDep,
    SessionToken,
    SettingsDep,
    ThrottleDep,
)
from api.schemas.auth import Profile, TokenOut
from api.services.auth import profile, sign_in, sign_out

router = APIRouter(prefix="/api/v1", tags=["auth"])


@router.post(
    "/auth/token",
    responses={
        401: {"description": "the username or password is not right (one answer for both)"},
        429: {
            "description": "too many failed sign-ins for this username or from this client; "
            "the same answer whether or not the user exists. Retry-After says when to try again"
        },
    },
)
def token(
    session: SessionDep,
    settings: SettingsDep,
    throttle: ThrottleDep,
    client: ClientAddress,
    username: Annotated[str, Form(min_length=1, max_length=100)],
    password: Annotated[str, Form(min_length=1, max_length=200)],
) -> TokenOut:
    access_token = sign_in(session, settings, throttle, username, password, client=client)
    return TokenOut(access_token=access_token, token_type="bearer")


@router.post(
    "/auth/sign-out",
    status_code=204,
    responses={401: {"description": "no valid, unrevoked token was sent"}},
)
def revoke_token(
    _user: CurrentUser, session: SessionDep, settings: SettingsDep, token: SessionToken
) -> Response:
    """Revoke the token this request was made with: it answers 401 from now on."""
    sign_out(session, settings, token)
    return Response(status_code=204)


@router.get("/me")
def me(user: CurrentUser, session: SessionDep) -> Profile:
    return Profile.model_validate(profile(session, user))
