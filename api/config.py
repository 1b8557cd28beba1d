"""One settings object for the whole API, read from the environment (prefix PEP_VOICE_).

It refuses to start anywhere but loopback with the built-in demo secrets, so a deployment
cannot go live signed with a key that is printed in this repository, and refuses any secret
shorter than 32 characters: the service token and the Rasa token open every child's words.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_SECRET = "demo-secret-change-me-demo-secret-change-me"
DEMO_SERVICE_TOKEN = "demo-service-token-change-me-demo-service-token"
DEMO_RASA_TOKEN = "demo-rasa-token-change-me-demo-rasa-token-change-me"
MIN_SECRET_LENGTH = 32
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


class Settings(BaseSettings):
    """Where the API listens, what it signs with, and where the other services live."""

    model_config = SettingsConfigDict(env_prefix="PEP_VOICE_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'pep_voice.db'}",
        validation_alias="DATABASE_URL",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str = ""
    secret_key: str = DEMO_SECRET
    service_token: str = DEMO_SERVICE_TOKEN
    demo_mode: bool = True
    access_token_minutes: int = 30
    child_link_minutes: int = 120
    rasa_url: str = "http://127.0.0.1:5005"
    # What the API shows Rasa's guarded channel (bot/guarded_channel.py); Rasa reads the same.
    rasa_token: str = DEMO_RASA_TOKEN
    rasa_timeout_seconds: float = 30.0
    # A turn's lease lasts the Rasa timeout plus this; a retry waits this long for a running turn.
    turn_lease_margin_seconds: float = 15.0
    turn_wait_seconds: float = 10.0
    max_body_bytes: int = 64 * 1024
    sqlite_busy_timeout_ms: int = 10_000
    cookie_secure: bool = False

    @model_validator(mode="after")
    def _refuse_demo_secrets_outside_loopback(self) -> Settings:
        uses_demo_secret = (
            self.secret_key == DEMO_SECRET
            or self.service_token == DEMO_SERVICE_TOKEN
            or self.rasa_token == DEMO_RASA_TOKEN
        )
        if uses_demo_secret and (self.host not in LOOPBACK_HOSTS or not self.demo_mode):
            raise ValueError(
                "PEP_VOICE_SECRET_KEY, PEP_VOICE_SERVICE_TOKEN and PEP_VOICE_RASA_TOKEN must be "
                "set to your own secrets outside loopback demo mode"
            )
        for name, value in (
            ("PEP_VOICE_SECRET_KEY", self.secret_key),
            ("PEP_VOICE_SERVICE_TOKEN", self.service_token),
            ("PEP_VOICE_RASA_TOKEN", self.rasa_token),
        ):
            if len(value) < MIN_SECRET_LENGTH:
                raise ValueError(
                    f"{name} must be at least {MIN_SECRET_LENGTH} characters; generate one with "
                    "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
                )
        return self

    @property
    def base_url(self) -> str:
        """The address people use to reach the pages (for the child's link)."""
        return self.public_url.rstrip("/") or f"http://{self.host}:{self.port}"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
