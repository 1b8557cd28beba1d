"""The demo authority, with its printed password, is seeded only on loopback in demo mode."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.config import Settings
from api.demo import DemoRefused, seed_demo
from api.models import Authority, Child, Pep, School, User

OWN = "o" * 40
SEEDED = (Authority, School, User, Child, Pep)


def _counts(db: Session) -> dict[str, int]:
    return {
        model.__name__: db.scalar(select(func.count()).select_from(model)) or 0 for model in SEEDED
    }


@pytest.mark.parametrize(
    ("host", "demo_mode"),
    [
        pytest.param("0.0.0.0", True, id="every-address-in-demo-mode"),
        pytest.param("10.0.0.5", True, id="a-network-address-in-demo-mode"),
        pytest.param("127.0.0.1", False, id="loopback-with-demo-mode-off"),
        pytest.param("0.0.0.0", False, id="a-deployment"),
    ],
)
def test_the_demo_is_refused_off_loopback_or_outside_demo_mode_and_writes_nothing(
    db: Session, host: str, demo_mode: bool
) -> None:
    deployment = Settings(
        host=host, demo_mode=demo_mode, secret_key=OWN, service_token=OWN, rasa_token=OWN
    )
    before = _counts(db)
    with pytest.raises(DemoRefused):
        seed_demo(db, deployment)
    assert _counts(db) == before
    assert db.scalar(select(User).where(User.username == "demo-vs")) is None
