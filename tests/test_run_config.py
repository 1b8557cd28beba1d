"""`make run` as scripts/supervisord.conf starts it: three services on loopback, each restarted
by supervisord if it dies, and Rasa with only its token-guarded channel (no HTTP API).

The file is read as supervisord reads it: most stack tests start the services with command lines
of their own, so a flag added here would pass them all."""

from __future__ import annotations

import itertools
import shlex
from pathlib import Path

import pytest
from supervisor.datatypes import RestartUnconditionally
from supervisor.options import ProcessConfig, ServerOptions

from api.config import LOOPBACK_HOSTS

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "scripts" / "supervisord.conf"


@pytest.fixture
def programs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, ProcessConfig]:
    """Each [program:...] as supervisord expands it, with the environment run-stack.sh sets."""
    for name, value in (
        ("PEP_VOICE_LOG_DIR", str(tmp_path)),
        ("PEP_VOICE_PORT", "8000"),
        ("PEP_VOICE_RASA_PORT", "5005"),
        ("PEP_VOICE_ACTIONS_PORT", "5055"),
    ):
        monkeypatch.setenv(name, value)
    options = ServerOptions()
    options.configfile = str(CONF)
    options.process_config(do_usage=False)
    return {
        process.name: process
        for group in options.process_group_configs
        for process in group.process_configs
    }


def _argv(program: ProcessConfig) -> list[str]:
    return shlex.split(program.command)


def _option_values(argv: list[str], *names: str) -> list[str]:
    """Every value given to any of `names`, as `--name value` or `--name=value`."""
    values = [after for before, after in itertools.pairwise(argv) if before in names]
    values += [arg.split("=", 1)[1] for arg in argv if arg.split("=", 1)[0] in names and "=" in arg]
    return values


def test_make_run_supervises_the_three_services(programs: dict[str, ProcessConfig]) -> None:
    assert set(programs) == {"api", "rasa", "actions"}


def test_every_service_is_restarted_whenever_it_dies(programs: dict[str, ProcessConfig]) -> None:
    for name, program in programs.items():
        assert program.autorestart is RestartUnconditionally, name


def test_rasa_serves_no_http_api(programs: dict[str, ProcessConfig]) -> None:
    """argparse takes any unambiguous abbreviation, so `--enable-a` would open it too."""
    argv = _argv(programs["rasa"])
    assert argv[1] == "run"
    assert not [arg for arg in argv if len(arg) > 2 and "--enable-api".startswith(arg)]


def test_rasa_and_the_api_listen_on_loopback_only(programs: dict[str, ProcessConfig]) -> None:
    rasa = _option_values(_argv(programs["rasa"]), "-i", "--interface")
    api = _option_values(_argv(programs["api"]), "--host")
    assert rasa and set(rasa) <= LOOPBACK_HOSTS
    assert api and set(api) <= LOOPBACK_HOSTS


def test_the_action_server_listens_on_loopback(programs: dict[str, ProcessConfig]) -> None:
    """The action server takes its host from SANIC_HOST, not its command line: run-stack.sh
    sets it to loopback for every service, and no program may set it otherwise."""
    actions = programs["actions"]
    assert _argv(actions)[1:3] == ["-m", "guarded_actions"]
    assert "SANIC_HOST" not in (actions.environment or {})
    exported = [
        word.split("=", 1)[1]
        for line in (ROOT / "scripts" / "run-stack.sh").read_text(encoding="utf-8").splitlines()
        if line.startswith("export ")
        for word in shlex.split(line)[1:]
        if word.startswith("SANIC_HOST=")
    ]
    assert exported and set(exported) <= LOOPBACK_HOSTS
