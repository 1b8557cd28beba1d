"""The app on a real, migrated database: every API test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.config import Settings, get_settings
from api.db.session import get_db_session
from api.demo import seed_demo
from api.main import create_app
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
        """Like get_db_session: a request's writes are kept, or all undone if it raised."""
        savepoint = db.begin_nested()
        try:
            yield db
            db.flush()
        except BaseException:
            if savepoint.is_active:  # a service that commits (a failed sign-in) ended it
                savepoint.rollback()
            raise
        if savepoint.is_active:
            savepoint.commit()

    app.dependency_overrides[get_db_session] = _session
    app.dependency_overrides[get_settings] = lambda: settings
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
    return load_demo(db, client)
