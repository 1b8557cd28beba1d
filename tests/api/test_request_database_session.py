"""The request's own database session, as production runs it (the other API tests override it).

A request's writes are kept when it succeeds and rolled back when it fails, and it can always end
its transaction, even when every worker thread FastAPI shares is taken: otherwise, on PostgreSQL's
bounded pool, threads waiting for a connection could wait forever on a request holding one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated

import anyio
import pytest
from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session, sessionmaker

from api.db import session as db_session
from api.models import AuditEntry

RealSession = Annotated[Session, Depends(db_session.get_db_session)]


@pytest.fixture
def action(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A marker for this test's rows, with the real dependency bound to the test database."""
    monkeypatch.setattr(
        db_session, "get_sessionmaker", lambda: sessionmaker(bind=engine, expire_on_commit=False)
    )
    marker = f"test.{uuid.uuid4().hex[:12]}"
    yield marker
    with Session(engine) as cleanup, cleanup.begin():
        cleanup.execute(delete(AuditEntry).where(AuditEntry.action == marker))


def _stored(engine: Engine, action: str) -> list[str | None]:
    with Session(engine) as session:
        return list(session.scalars(select(AuditEntry.detail).where(AuditEntry.action == action)))


def _app(action: str) -> FastAPI:
    app = FastAPI()

    @app.post("/kept")
    def kept(session: RealSession) -> None:
        session.add(AuditEntry(actor_label="test", action=action, detail="kept"))

    @app.post("/committed-by-the-route")
    def committed(session: RealSession) -> None:
        session.add(AuditEntry(actor_label="test", action=action, detail="committed"))
        session.commit()

    @app.post("/half-way")
    def half_way(session: RealSession) -> None:
        session.add(AuditEntry(actor_label="test", action=action, detail="half"))
        session.flush()
        raise HTTPException(status_code=409, detail="the second write was refused")

    return app


def test_a_request_keeps_its_writes_and_a_failed_one_leaves_none(
    engine: Engine, action: str
) -> None:
    with TestClient(_app(action)) as client:
        assert client.post("/kept").status_code == 200
        assert client.post("/committed-by-the-route").status_code == 200
        assert client.post("/half-way").status_code == 409
    assert sorted(d or "" for d in _stored(engine, action)) == ["committed", "kept"]


def test_a_request_ends_its_transaction_when_every_shared_worker_thread_is_taken(
    engine: Engine, action: str
) -> None:
    async def request_with_the_threads_all_busy() -> None:
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = 1
        await limiter.acquire_on_behalf_of(busy := object())
        try:
            scope = db_session.get_db_session()
            session = await anext(scope)
            session.add(AuditEntry(actor_label="test", action=action, detail="ended"))
            await anyio.to_thread.run_sync(session.flush, limiter=anyio.CapacityLimiter(1))
            with anyio.fail_after(20), pytest.raises(StopAsyncIteration):
                await anext(scope)
        finally:
            limiter.release_on_behalf_of(busy)

    # On a thread of its own, so on an event loop of its own: Playwright's sync API (the browser
    # tests) leaves one running in the main thread, where anyio.run would refuse to start.
    with ThreadPoolExecutor(max_workers=1) as own_thread:
        own_thread.submit(anyio.run, request_with_the_threads_all_busy).result()
    assert _stored(engine, action) == ["ended"]
