"""Fixtures every test folder may use: the real PostgreSQL server for this run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fixtures.postgres import postgres_server


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url
