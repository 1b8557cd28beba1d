"""Engine and session factory.

SQLite runs in WAL mode with a busy timeout so the API, the action server's writes (through
the API) and a reader can share the file; PostgreSQL is used as is through DATABASE_URL.

Both engines hide SQL parameters from their errors: a failed insert's parameters are a child's
words, and an error's text ends up in a log.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import anyio
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from api.config import get_settings


def _normalise_url(url: str) -> str:
    """Accept the common postgres:// spellings and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def build_engine(url: str, *, busy_timeout_ms: int = 10_000) -> Engine:
    url = _normalise_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy, not pysqlite, open transactions, so savepoints work.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin_immediate(conn: Any) -> None:
            # Take the write lock up front: a deferred transaction that reads and then writes
            # fails at once (SQLITE_BUSY) when another writer got there first, whatever the
            # busy timeout. Readers in other connections are not blocked in WAL mode.
            # Straight to the driver: through `exec_driver_sql` this one statement cost as
            # much as a query, and every transaction of every chat turn begins here. Its errors
            # are wrapped as SQLAlchemy would have: a busy database is a 503, not a 500.
            try:
                conn.connection.driver_connection.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise DBAPIError.instance(
                    "BEGIN IMMEDIATE", None, exc, sqlite3.Error, hide_parameters=True
                ) from exc

        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    settings = get_settings()
    return build_engine(settings.database_url, busy_timeout_ms=settings.sqlite_busy_timeout_ms)


@lru_cache(maxsize=1)
def get_sessionmaker() -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(), expire_on_commit=False)


async def get_db_session() -> AsyncIterator[Session]:
    """One session per request: committed once at the end, rolled back on any error.

    Async because FastAPI runs a plain generator dependency on a worker thread twice a request,
    to open the session and to close it. Opening does no I/O (the connection is taken at the
    first statement), so it runs here; the end's commit or rollback, which does, goes to a
    worker thread only when a transaction is still open (a chat turn has committed its own).
    """
    session = get_sessionmaker()()
    try:
        yield session
        if session.in_transaction():
            await _unbounded(session.commit)
    except BaseException:
        if session.in_transaction():
            await _unbounded(session.rollback)
        raise
    finally:
        session.close()


async def _unbounded(end: Callable[[], None]) -> None:
    """End a transaction on a worker thread outside the shared thread limit, as FastAPI ends a
    plain generator dependency: when every limited thread waits for a pooled connection, the
    request holding one must still be able to give it back."""
    await anyio.to_thread.run_sync(end, limiter=anyio.CapacityLimiter(1))


def db_session() -> Iterator[Session]:
    """`get_db_session` for code that is not a route (the pages' error handler)."""
    yield from request_scope(get_sessionmaker()())


def request_scope(session: Session) -> Iterator[Session]:
    """A request's unit of work: commit at the end, roll back on any error, always close.

    Tests wrap their own sessions in it, so a failed request behaves there as it does here.
    """
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
