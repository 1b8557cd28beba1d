"""Signing in and out. The dashboard and the concerns page have routers of their own."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from api.deps import (
    SESSION_COOKIE,
    Caller,
    ClientAddress,
    OptionalUser,
    SessionDep,
    SessionToken,
    SettingsDep,
    ThrottleDep,
)
from api.errors import AppError, FormInvalid, TooManyAttempts
from api.page_deps import FormPage, show_on_error
from api.services.auth import sign_in, sign_out
from api.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)


def safe_next(next_path: str) -> str:
    """Only a path on this site: never another host (//evil.example) after signing in."""
    if next_path.startswith("/") and not next_path.startswith(("//", "/\\")):
        return next_path
    return "/dashboard"


@router.get("/")
def home(user: OptionalUser) -> RedirectResponse:
    return RedirectResponse("/dashboard" if user else "/sign-in", status_code=303)


@router.get("/sign-in")
def sign_in_page(request: Request, user: OptionalUser, next: str = "") -> Response:
    if user:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "sign_in.html", {"page_title": "Sign in", "user": None, "next": next})


def _sign_in_again(username: str, next_path: str) -> FormPage:
    """The sign-in page showing why it failed; a pause keeps its 429 and Retry-After."""

    def page(request: Request, _session: Session, _user: Caller | None, exc: AppError) -> Response:
        if isinstance(exc, TooManyAttempts):
            error = exc.message[0].upper() + exc.message[1:]
        elif isinstance(exc, FormInvalid):
            error = exc.message
        else:
            error = "The username or password is not right"
        response = render(
            request,
            "sign_in.html",
            {
                "page_title": "Sign in",
                "user": None,
                "next": next_path,
                "errors": [{"field": "username", "message": error}],
                "username": username,
            },
            status_code=exc.status_code if isinstance(exc, TooManyAttempts) else 400,
        )
        response.headers.update(exc.headers())
        return response

    return page


@router.post("/sign-in")
def sign_in_submit(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    throttle: ThrottleDep,
    client: ClientAddress,
    username: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    request.state.page = True
    show_on_error(request, _sign_in_again(username, next))
    if not username or not password:
        raise FormInvalid([{"field": "username", "message": "Enter your username and password"}])
    token = sign_in(session, settings, throttle, username, password, client=client)
    signed_in = RedirectResponse(safe_next(next), status_code=303)
    signed_in.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
        max_age=settings.access_token_minutes * 60,
    )
    return signed_in


@router.post("/sign-out")
def sign_out_submit(session: SessionDep, settings: SettingsDep, token: SessionToken) -> Response:
    """Revokes the token on the server as well as deleting the cookie."""
    sign_out(session, settings, token)
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE, httponly=True, samesite="strict", secure=settings.secure_cookies
    )
    return response
