"""`make run` as a newcomer runs it: scripts/run-stack.sh under supervisord, with the real config.

The promise in the README: a service that dies is restarted by supervisord, and while the bot is
down every page still works and the child's message is kept and answered 503 with Retry-After;
Ctrl-C stops everything. The script runs on its own ports, log folder and database, so it can
run beside the suite's other stacks (and beside another checkout's run).
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.fixtures.live import ROOT, Stack, free_port
from tests.stack.conftest import open_conversation

READY = "PEP Voice is running on loopback."
START_SECONDS = 900  # a bound, so a broken start fails the run instead of hanging it


@dataclass
class Run:
    """The script's process, its environment and what it has printed so far."""

    process: subprocess.Popen[str]
    env: dict[str, str]
    api_url: str
    output: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)

    def supervisorctl(self, *args: str) -> str:
        result = subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "supervisorctl"),
                "-c",
                "scripts/supervisord.conf",
                *args,
            ],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()

    def pid_of(self, service: str) -> int:
        out = self.supervisorctl("pid", service)
        return int(out) if out.isdigit() else 0


def _read(run: Run) -> None:
    assert run.process.stdout is not None
    for line in run.process.stdout:
        run.output.append(line)
        if READY in line:
            run.ready.set()


def _until(check: Callable[[], bool], seconds: float, what: str) -> None:
    """Poll `check` until it is true: waiting for the thing itself, bounded by `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{what} did not happen in {seconds} s")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    work = tmp_path_factory.mktemp("make-run")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEP_VOICE_")}
    api_port = free_port()
    env.update(
        DATABASE_URL=f"sqlite:///{work / 'pep_voice.db'}",
        PEP_VOICE_PORT=str(api_port),
        PEP_VOICE_RASA_PORT=str(free_port()),
        PEP_VOICE_ACTIONS_PORT=str(free_port()),
        PEP_VOICE_LOG_DIR=str(work / "log"),
        PEP_VOICE_TMP_DIR=str(work / "tmp"),
    )
    process = subprocess.Popen(
        ["scripts/run-stack.sh"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    run = Run(process=process, env=env, api_url=f"http://127.0.0.1:{api_port}")
    threading.Thread(target=_read, args=(run,), daemon=True).start()
    try:
        _until(lambda: run.ready.is_set() or process.poll() is not None, START_SECONDS, "start")
        assert run.ready.is_set(), "".join(run.output)
        yield run
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def test_make_run_prints_where_everything_is(run: Run) -> None:
    printed = "".join(run.output)
    assert run.api_url in printed
    assert f"127.0.0.1:{run.env['PEP_VOICE_RASA_PORT']}" in printed
    assert "demo-dt" in printed and "demo-password" in printed
    assert httpx.get(f"{run.api_url}/api/v1/health").status_code == 200
    assert httpx.get(f"{run.api_url}/sign-in").status_code == 200


def test_the_services_scratch_files_stay_in_the_runs_own_folder(run: Run) -> None:
    """Rasa's TensorFlow writes its generated code to the temporary folder at each start and
    removes it only on a clean exit; under `make run` that folder is the run's, not /tmp."""
    scratch = Path(run.env["PEP_VOICE_TMP_DIR"])
    assert list(scratch.glob("__autograph_generated_file*")), sorted(scratch.iterdir())


def test_a_killed_bot_is_restarted_and_meanwhile_the_chat_answers_503(run: Run) -> None:
    talk = open_conversation(Stack(api_url=run.api_url, env=run.env, logs=Path()), "KS2")
    talk.say("")
    rasa = run.pid_of("rasa")
    assert rasa > 0, run.supervisorctl("status")
    os.kill(rasa, signal.SIGKILL)
    rasa_url = f"http://127.0.0.1:{run.env['PEP_VOICE_RASA_PORT']}/webhooks/guarded/"

    def rasa_down() -> bool:
        try:
            httpx.get(rasa_url, timeout=2)
        except httpx.TransportError:
            return True
        return False

    def send() -> httpx.Response:
        """The same message each time, as the child's page retries it."""
        return httpx.post(
            f"{run.api_url}/api/v1/voice-sessions/{talk.session_id}/messages",
            json={"text": "I like drawing", "client_message_id": "during-outage"},
            headers={"Authorization": f"Bearer {talk.token}"},
            timeout=60,
        )

    _until(rasa_down, 30, "Rasa going down")
    # Rasa takes many seconds to load its model again: the chat says so, the pages carry on.
    sent = send()
    assert sent.status_code == 503, sent.text
    assert int(sent.headers["Retry-After"]) > 0
    assert httpx.get(f"{run.api_url}/sign-in").status_code == 200

    _until(lambda: run.pid_of("rasa") not in (0, rasa), 120, "supervisord restarting Rasa")
    _until(lambda: httpx.get(rasa_url, timeout=5).status_code == 200, 600, "Rasa coming back")
    again = send()
    assert again.status_code == 200, again.text
    transcript = httpx.get(
        f"{run.api_url}/api/v1/voice-sessions/{talk.session_id}/conversation",
        headers={"Authorization": f"Bearer {talk.token}"},
    ).json()
    entries = transcript["entries"]
    said = [i for i, e in enumerate(entries) if e.get("text") == "I like drawing"]
    assert len(said) == 1, entries  # kept once
    assert entries[said[0] + 1]["sender"] == "bot", entries  # and answered once Rasa was back


def test_ctrl_c_stops_every_service(run: Run) -> None:
    pids = [run.pid_of(name) for name in ("api", "rasa", "actions")]
    assert all(pids), run.supervisorctl("status")
    os.killpg(run.process.pid, signal.SIGINT)
    run.process.wait(timeout=120)

    def gone(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False

    _until(lambda: all(gone(pid) for pid in pids), 60, "every service stopping")
