"""What the API's own work costs, for whoever runs it: the service token only.

`make bench` reads it around its load, so the screen's share of the API's CPU a turn is
measured where the screen runs, among the other services, and not estimated from the screen
measured alone (which costs half as much with the machine's caches to itself).
"""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ServiceCaller
from api.schemas.health import ScreenCostOut
from api.services import screening

router = APIRouter(prefix="/api/v1/internal", tags=["internal (operations)"])


@router.get(
    "/screen-cost",
    responses={401: {"description": "the service token is missing or wrong"}},
)
async def screen_cost(_service: ServiceCaller) -> ScreenCostOut:
    """The screen's messages and CPU since this process started (one API worker's figures)."""
    cost = screening.screen_cost()
    return ScreenCostOut(messages=cost.messages, cpu_seconds=cost.cpu_seconds)
