"""The app factory: routers, error handlers, limits, static files and pages."""

from __future__ import annotations

import importlib
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from api.audit_denials import AuditDenials
from api.config import Settings, get_settings
from api.csrf import NO_COOKIE_ROUTES, CsrfProtect
from api.errors import install_error_handlers
from api.middleware import BodySizeLimit, RefuseControlCharactersInUrl
from api.openapi import install_openapi
from api.routes import (
    audit,
    auth,
    care,
    care_pages,
    chat_pages,
    child_pages,
    children,
    concern_pages,
    concerns,
    dashboard_pages,
    documents,
    flags,
    health,
    internal,
    meeting_plan_pages,
    pages,
    pep_pages,
    peps,
    public_pages,
    qa_pages,
    safeguarding_pages,
    safeguarding_queue,
    school_data,
    school_data_pages,
    service_metrics,
    target_pages,
    targets,
    voice_sessions,
    workflow,
)
from api.security_headers import SecurityHeaders
from api.services.sign_in_throttle import SignInThrottle
from api.static_files import GOVUK_BRAND_ASSETS, StaticFilesWithout
from api.warmup import models_ready, warm_models

STATIC_DIR = Path(__file__).parent / "static"


# Imported on the main thread before any request or the warm-up thread runs: two threads
# importing spaCy or scikit-learn at once can see a half-built module and fail.
HEAVY_MODULES = ("spacy", "sklearn.linear_model", "target_coach.check", "safeguarding.screen")


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    for name in HEAVY_MODULES:
        importlib.import_module(name)
    # The models are loaded once per process: an app started again in the same process (the
    # test suite starts one per test) finds them ready and has nothing to warm.
    if not models_ready.is_set():
        threading.Thread(target=warm_models, name="warm-models", daemon=True).start()
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        lifespan=lifespan,
        title="PEP Voice",
        summary="Personal Education Plans with the child's own voice",
        version="0.1.0",
        docs_url="/docs" if settings.api_docs else None,
        redoc_url="/redoc" if settings.api_docs else None,
        # PEP Voice exports no OpenTelemetry; off, FastAPI skips asking the OpenTelemetry API
        # for its providers on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.sign_in_throttle = SignInThrottle.from_settings(settings)
    install_error_handlers(app)
    install_openapi(app)
    # A request's path is matched against the routers in this order, and a chat turn makes
    # two requests (the child's message, the action server's write): their routers go first.
    for router in (
        voice_sessions.router,
        internal.router,
        health.router,
        auth.router,
        children.router,
        audit.router,
        peps.router,
        school_data.router,
        flags.router,
        care.router,
        concerns.router,
        safeguarding_queue.router,
        service_metrics.router,
        pages.router,
        dashboard_pages.router,
        concern_pages.router,
        safeguarding_pages.router,
        pep_pages.router,
        child_pages.router,
        meeting_plan_pages.router,
        school_data_pages.router,
        care_pages.router,
        chat_pages.router,
        documents.router,
        workflow.router,
        qa_pages.router,
        targets.router,
        target_pages.router,
        public_pages.router,
    ):
        _document_csrf_refusal(router)
        app.include_router(router)
    # No /assets: all GOV.UK Frontend keeps there is GOV.UK's brand (its font, crown and crest).
    app.mount(
        "/static",
        StaticFilesWithout(directory=STATIC_DIR, check_dir=False, refused=GOVUK_BRAND_ASSETS),
        name="static",
    )
    # The last added runs first: bodies are capped before the CSRF check reads a form.
    # Innermost, so it sees the matched route and the caller the route's dependencies found.
    app.state.audit_sessions = None
    app.add_middleware(AuditDenials)
    app.add_middleware(CsrfProtect, settings=settings)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RefuseControlCharactersInUrl)
    # Outermost, so even the answers the middleware above gives carry the headers.
    app.add_middleware(SecurityHeaders, settings=settings)
    return app


CSRF_REFUSAL = "sent with the session cookie but without the X-CSRFToken header"


def _document_csrf_refusal(router: APIRouter) -> None:
    """Every unsafe API route a browser could call with the session cookie can answer 403.

    Idempotent: the routers are module-level, and create_app runs once per test.
    """
    unsafe = {"POST", "PUT", "PATCH", "DELETE"}
    for route in router.routes:
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        if route.path in NO_COOKIE_ROUTES or not (set(route.methods or ()) & unsafe):
            continue
        described = route.responses.get(403, {}).get("description")
        if described and CSRF_REFUSAL in described:
            continue
        route.responses[403] = {
            **route.responses.get(403, {}),
            "description": f"{described}; or {CSRF_REFUSAL}" if described else CSRF_REFUSAL,
        }


def app_factory() -> FastAPI:
    """For `uvicorn --factory api.main:app_factory`."""
    return create_app()
