"""The app on a real, migrated database: every API test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from api.config import Settings
from api.db.session import get_db_session, request_scope
from api.demo import seed_demo
from api.deps import app_settings
from api.main import create_app
from tests.factories import Factory
from tests.fixtures.database import migrated_engine, rolled_back_session
from tests.helpers import Demo, load_demo


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'pep_voice.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = migrated_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    yield from rolled_back_session(engine)


@pytest.fixture
def settings() -> Settings:
    return Settings(rasa_url="http://127.0.0.1:9", rasa_timeout_seconds=2.0)


@pytest.fixture
def app(db: Session, settings: Settings) -> FastAPI:
    app = create_app(settings)

    def _session() -> Iterator[Session]:
        # As the real dependency does: commit at the end, roll back on any error, so a request
        # that fails half-way leaves nothing behind here either. The test's own set-up is
        # committed first, as it would be before a real request could see it.
        db.commit()
        try:
            yield db
            db.commit()
        except BaseException:
            db.rollback()
            raise

    app.dependency_overrides[get_db_session] = _session
    app.dependency_overrides[app_settings] = lambda: settings
    # Refusals are audited in a session of their own: here, a savepoint on the test's connection.
    app.state.audit_sessions = lambda: Session(
        bind=db.get_bind(), join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    return app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def demo(db: Session, client: TestClient, settings: Settings) -> Demo:
    seed_demo(db, settings)
    db.flush()
    return load_demo(db, settings)


@pytest.fixture
def make(db: Session, settings: Settings) -> Factory:
    """Rows built directly: one school, the adults and children a test names, no demo."""
    return Factory(db, settings)


# Requests at the same moment need what production has: a session and transaction of their own
# per request, on a database of the test's own (the shared one is rolled back after each test,
# so it cannot see two commits).


@pytest.fixture
def own_engine(engine: Engine, tmp_path: Path) -> Iterator[Engine]:
    """A freshly migrated database on the same kind of server as `engine`."""
    if engine.dialect.name == "sqlite":
        fresh = migrated_engine(f"sqlite:///{tmp_path / 'race.db'}")
        yield fresh
        fresh.dispose()
        return
    name = f"race_{uuid4().hex[:12]}"
    admin = create_engine(engine.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    fresh = migrated_engine(engine.url.set(database=name).render_as_string(hide_password=False))
    try:
        yield fresh
    finally:
        fresh.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE "{name}"')
        admin.dispose()


@pytest.fixture
def request_client(own_engine: Engine, settings: Settings) -> Iterator[TestClient]:
    """The app on `own_engine` with a session per request, as in production."""
    app: FastAPI = create_app(settings)

    def _session() -> Iterator[Session]:
        yield from request_scope(Session(own_engine, expire_on_commit=False))

    app.dependency_overrides[get_db_session] = _session
    app.dependency_overrides[app_settings] = lambda: settings
    app.state.audit_sessions = lambda: Session(own_engine, expire_on_commit=False)
    with TestClient(app) as client:
        yield client
