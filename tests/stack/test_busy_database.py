"""A database lock not got in time is a 503 with Retry-After, never a 500, and nothing is lost.

On SQLite every transaction takes the one write lock (see api/db/session.py); a request that
waits past the busy timeout used to escape as a 500 ("database is locked"), on any route, sign-in
included. Here a real API runs on a real SQLite file while another connection holds its lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.fixtures.live import Stack, running_stack
from tests.stack.conftest import staff_token

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    env = {"PEP_VOICE_SQLITE_BUSY_TIMEOUT_MS": "300"}
    with running_stack(tmp_path_factory.mktemp("busy"), with_bot=False, extra_env=env) as s:
        yield s


def _db_path(stack: Stack) -> Path:
    return Path(stack.env["DATABASE_URL"].split("///", 1)[1])


def test_a_request_that_cannot_get_the_lock_is_503_and_the_same_request_then_works(
    stack: Stack,
) -> None:
    headers = {"Authorization": f"Bearer {staff_token(stack.api_url, 'demo-dt')}"}
    url = f"{stack.api_url}/api/v1/children"
    holder = sqlite3.connect(_db_path(stack), isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        busy = httpx.get(url, headers=headers, timeout=30)
        assert busy.status_code == 503, busy.text
        assert int(busy.headers["retry-after"]) > 0
        assert "try again" in busy.json()["detail"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    again = httpx.get(url, headers=headers, timeout=30)
    assert again.status_code == 200 and again.json()


def test_a_write_refused_for_the_lock_stores_nothing_and_goes_through_when_sent_again(
    stack: Stack,
) -> None:
    headers = {"Authorization": f"Bearer {staff_token(stack.api_url, 'demo-dt')}"}
    peps = httpx.get(f"{stack.api_url}/api/v1/peps", headers=headers, timeout=30).json()
    url = f"{stack.api_url}/api/v1/peps/{peps[0]['pep_id']}/targets"
    before = len(httpx.get(url, headers=headers, timeout=30).json())
    target = {"what": "Read 40 words a minute by 27/03/2027"}
    holder = sqlite3.connect(_db_path(stack), isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        busy = httpx.post(url, json=target, headers=headers, timeout=30)
        assert busy.status_code == 503, busy.text
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(httpx.get(url, headers=headers, timeout=30).json()) == before
    sent = httpx.post(url, json=target, headers=headers, timeout=30)
    assert sent.status_code == 201, sent.text
    assert len(httpx.get(url, headers=headers, timeout=30).json()) == before + 1
