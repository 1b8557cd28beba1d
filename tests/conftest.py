"""Fixtures every test folder may use: the real PostgreSQL server for this run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fixtures.live import MODEL, Stack, running_stack, wait_for_models
from tests.fixtures.postgres import postgres_server


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def bot_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The API, Rasa and the action server as `make run` starts them, once per test run."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    with running_stack(tmp_path_factory.mktemp("stack"), with_bot=True) as stack:
        wait_for_models(stack)
        yield stack
