"""Failed sign-ins counted per username and per client, in a moving window (`limits`).

Only failures count, and the count is read before the password is verified, so a flood of
guesses costs a memory lookup each rather than an Argon2 hash, and a busy office sharing one
address is never locked out by its own successful sign-ins. The username is counted whether or
not it exists, so a paused unknown name looks exactly like a paused real one.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from api.config import Settings


def username_key(settings: Settings, username: str) -> str:
    """A keyed hash of the name as typed: people paste passwords into the username box, so the
    name itself is neither kept in memory nor written to the audit log."""
    normalised = username.strip().casefold().encode("utf-8", "replace")
    digest = hmac.new(settings.secret_key.encode(), b"sign-in:" + normalised, hashlib.sha256)
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class SignInThrottle:
    limiter: MovingWindowRateLimiter
    per_username: RateLimitItem
    per_client: RateLimitItem

    @classmethod
    def from_settings(cls, settings: Settings) -> SignInThrottle:
        storage = storage_from_string(settings.throttle_storage_url)
        return cls(
            limiter=MovingWindowRateLimiter(storage),
            per_username=parse(settings.sign_in_failures_per_username),
            per_client=parse(settings.sign_in_failures_per_client),
        )

    def _checks(self, name_key: str, client: str) -> tuple[tuple[RateLimitItem, str], ...]:
        return ((self.per_username, f"user:{name_key}"), (self.per_client, f"client:{client}"))

    def retry_after(self, name_key: str, client: str) -> int | None:
        """Whole seconds until this name and client may try again; None if they may now."""
        waits = [
            self.limiter.get_window_stats(item, key).reset_time - time.time()
            for item, key in self._checks(name_key, client)
            if not self.limiter.test(item, key)
        ]
        return max(1, math.ceil(max(waits))) if waits else None

    def failed(self, name_key: str, client: str) -> None:
        for item, key in self._checks(name_key, client):
            self.limiter.hit(item, key)
