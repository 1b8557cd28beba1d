"""The app on a real, migrated database: every API test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.config import Settings
from api.db.session import get_db_session
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
    return load_demo(db, client)


@pytest.fixture
def make(db: Session, settings: Settings) -> Factory:
    """Rows built directly: one school, the adults and children a test names, no demo."""
    return Factory(db, settings)
