"""Liveness and readiness, for people and for load balancers."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import SessionDep
from api.schemas.health import Health
from api.services import health as health_service

router = APIRouter(prefix="/api/v1", tags=["health"])


@router.get("/health")
def health(session: SessionDep) -> Health:
    return Health.model_validate(health_service.state(session))
