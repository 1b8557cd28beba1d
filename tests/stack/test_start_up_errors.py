"""A service that dies while the test run starts it says why in the failure itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.live import Service, wait_until_up
from tests.fixtures.ports import free_port


def test_a_service_that_exits_at_start_up_shows_the_end_of_its_log(tmp_path: Path) -> None:
    log = tmp_path / "bot.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", "print('OSError: [Errno 98] address already in use')"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    process.wait()
    service = Service("rasa", process, log)
    with pytest.raises(RuntimeError, match="address already in use"):
        wait_until_up(f"http://127.0.0.1:{free_port()}/", 30, service)
