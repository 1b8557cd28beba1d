"""One settings object for the whole API, read from the environment (prefix PEP_VOICE_).

It refuses to start anywhere but loopback with the built-in demo secrets, so a deployment
cannot go live signed with a key that is printed in this repository, and refuses any secret
shorter than 32 characters: the service token and the Rasa token open every child's words.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_SECRET = "demo-secret-change-me-demo-secret-change-me"
DEMO_SERVICE_TOKEN = "demo-service-token-change-me-demo-service-token"
DEMO_RASA_TOKEN = "demo-rasa-token-change-me-demo-rasa-token-change-me"
MIN_SECRET_LENGTH = 32
DEMO_AUTHORITY = "Demo Borough Council"
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
    # None: Secure cookies whenever the pages are reached over https or beyond loopback.
    cookie_secure: bool | None = None
    # Failed sign-ins allowed in a moving window before that username, or that client, must
    # wait (`limits` notation). Only failures count, so a busy shared office is not locked out.
    sign_in_failures_per_username: str = "5 per 15 minutes"
    sign_in_failures_per_client: str = "20 per 15 minutes"
    # `limits` storage: memory:// holds the counts per process; give every worker one shared
    # store (redis://...) when running more than one.
    throttle_storage_url: str = "memory://"
    # Swagger UI at /docs loads its script from a CDN; set false to serve no /docs at all.
    api_docs: bool = True
    # Whose service this is. A council's service is not on GOV.UK, so its pages carry the
    # council's name and logo, never the crown; the privacy notice and accessibility statement
    # name the council's own contacts and records policy.
    authority_name: str = DEMO_AUTHORITY
    authority_logo_url: str = "/static/brand/demo-borough-council.svg"  # "" for the name alone
    authority_dpo_email: str = "data.protection@demo-borough.example"
    authority_accessibility_email: str = "accessibility@demo-borough.example"
    # The council's records policy for a looked-after child's care record, in its own words.
    care_record_retention: str = "until the child's 75th birthday"
    # Concern emails (api/services/notify.py) through this SMTP server; an empty host turns
    # email off, and the in-app concern list is then the only notice. The email names no child
    # and quotes none of their words: it links to the concern page at `base_url`.
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_from: str = "pep-voice@demo-borough.example"
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    # Sent after the concern is committed, before the child's reply: kept short, so a slow or
    # dead server delays a turn by seconds at most (the notice stays failed, for a retry).
    smtp_timeout_seconds: float = 3.0
    # The council's term dates (JSON, shaped like api/data/term_dates.json): PEP deadlines
    # count school days, so a council's own terms and half terms move them. Empty: the demo
    # authority's dates, shipped with the API.
    term_dates_path: str = ""

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
    def emails_concerns(self) -> bool:
        """True when concerns are emailed; false leaves the in-app concern list alone."""
        return bool(self.smtp_host.strip())

    @property
    def is_https(self) -> bool:
        return self.base_url.startswith("https://")

    @property
    def secure_cookies(self) -> bool:
        """Secure unless both the listening host and the public address are plain loopback."""
        if self.cookie_secure is not None:
            return self.cookie_secure
        public_host = urlsplit(self.base_url).hostname or ""
        loopback = self.host in LOOPBACK_HOSTS and public_host in LOOPBACK_HOSTS
        return self.is_https or not loopback

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
