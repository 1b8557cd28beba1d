"""Password hashing (argon2), short-lived signed access tokens, and child-link tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# Verified against when the username is unknown, so timing does not reveal which users exist.
DUMMY_HASH = hash_password("not-a-real-password")


def create_access_token(user_id: str, *, secret: str, minutes: int) -> str:
    """A signed token with its own id (jti), so signing out can revoke this one token."""
    now = datetime.now(UTC)
    claims = {
        "sub": user_id,
        "jti": secrets.token_hex(16),
        "iat": now,
        "exp": now + timedelta(minutes=minutes),
        "typ": "access",
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


@dataclass(frozen=True)
class AccessClaims:
    """What a valid, unexpired access token says: whose it is, its id and when it ends."""

    user_id: str
    token_id: str
    expires_at: datetime

    @classmethod
    def read(cls, token: str, *, secret: str) -> AccessClaims | None:
        """None for anything but a well-formed, signed, unexpired access token with an id."""
        try:
            claims = jwt.decode(
                token, secret, algorithms=[ALGORITHM], options={"require": ["exp", "jti", "sub"]}
            )
        except jwt.PyJWTError:
            return None
        if claims.get("typ") != "access":
            return None
        user_id, token_id, exp = claims.get("sub"), claims.get("jti"), claims.get("exp")
        if not isinstance(user_id, str) or not isinstance(token_id, str) or len(token_id) > 64:
            return None
        if not isinstance(exp, int | float):
            return None
        return cls(user_id, token_id, datetime.fromtimestamp(exp, UTC))


def read_access_token(token: str, *, secret: str) -> str | None:
    """The user id in a valid, unexpired access token; None for anything else."""
    claims = AccessClaims.read(token, secret=secret)
    return claims.user_id if claims else None


def new_child_token() -> str:
    return secrets.token_urlsafe(24)


def token_digest(token: str) -> str:
    """Child-link tokens are stored only as digests, so a database copy opens no session."""
    return hashlib.sha256(token.encode()).hexdigest()


def same_secret(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())
