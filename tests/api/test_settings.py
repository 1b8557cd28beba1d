"""The API refuses to start with a secret that is short, or built in, off loopback demo mode."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from api.config import DEMO_RASA_TOKEN, DEMO_SECRET, DEMO_SERVICE_TOKEN, Settings

OWN = "o" * 40


def _own(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "secret_key": OWN,
        "service_token": OWN,
        "rasa_token": OWN,
        "host": "0.0.0.0",
        "demo_mode": False,
    }
    return Settings(**{**values, **overrides})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "env_name"),
    [
        ("secret_key", "PEP_VOICE_SECRET_KEY"),
        ("service_token", "PEP_VOICE_SERVICE_TOKEN"),
        ("rasa_token", "PEP_VOICE_RASA_TOKEN"),
    ],
)
def test_a_short_secret_is_refused_with_its_name(field: str, env_name: str) -> None:
    with pytest.raises(ValidationError, match=f"{env_name} must be at least 32 characters"):
        _own(**{field: "s" * 31})
    assert getattr(_own(**{field: "s" * 32}), field) == "s" * 32


def test_a_short_service_token_is_refused_even_on_loopback() -> None:
    with pytest.raises(ValidationError, match="PEP_VOICE_SERVICE_TOKEN"):
        _own(host="127.0.0.1", demo_mode=True, service_token="demo-service-token-change-me")


@pytest.mark.parametrize(
    ("field", "demo"),
    [
        ("secret_key", DEMO_SECRET),
        ("service_token", DEMO_SERVICE_TOKEN),
        ("rasa_token", DEMO_RASA_TOKEN),
    ],
)
def test_demo_secrets_only_on_loopback_in_demo_mode(field: str, demo: str) -> None:
    with pytest.raises(ValidationError, match="must be set to your own secrets"):
        _own(**{field: demo})
    with pytest.raises(ValidationError, match="must be set to your own secrets"):
        _own(**{field: demo}, host="127.0.0.1", demo_mode=False)
    assert getattr(_own(**{field: demo}, host="127.0.0.1", demo_mode=True), field) == demo


def test_the_environment_is_read_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEP_VOICE_HOST", "10.0.0.5")
    monkeypatch.setenv("PEP_VOICE_DEMO_MODE", "false")
    monkeypatch.setenv("PEP_VOICE_SECRET_KEY", OWN)
    monkeypatch.setenv("PEP_VOICE_SERVICE_TOKEN", OWN)
    monkeypatch.setenv("PEP_VOICE_RASA_TOKEN", "too-short")
    with pytest.raises(ValidationError, match="PEP_VOICE_RASA_TOKEN"):
        Settings()
    monkeypatch.setenv("PEP_VOICE_RASA_TOKEN", OWN)
    assert Settings().rasa_token == OWN
