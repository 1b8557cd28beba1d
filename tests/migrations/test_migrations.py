"""The migrations match the models, on both databases, with pytest-alembic's own checks.

Branches that each add a migration after the same head are merged often here; these catch two
heads, a migration that cannot be undone, and a model changed without a migration.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_alembic.tests import (  # noqa: F401  (collected as this module's tests)
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import Engine, create_engine, text

from api.db.session import build_engine

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def alembic_config() -> dict[str, str]:
    return {"file": str(ROOT / "alembic.ini")}


@pytest.fixture(params=["sqlite", "postgresql"])
def alembic_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of each kind, apart from the one the API tests use."""
    if request.param == "sqlite":
        engine = build_engine(f"sqlite:///{tmp_path / 'migrations.db'}")
        yield engine
        engine.dispose()
        return
    server_url: str = request.getfixturevalue("postgres_url")
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS pep_voice_migrations"))
        connection.execute(text("CREATE DATABASE pep_voice_migrations"))
    engine = build_engine(server_url.rsplit("/", 1)[0] + "/pep_voice_migrations")
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS pep_voice_migrations"))
    admin.dispose()
