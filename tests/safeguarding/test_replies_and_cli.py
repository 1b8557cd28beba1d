"""The calm reply never promises secrecy or probes; the CLI answers line by line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from api.cli import app
from safeguarding.jsonl import screen_jsonl
from safeguarding.replies import helper_alert, safe_reply

BANDS = ("EY", "KS1", "KS2", "KS3", "KS4", "POST16")
SECRECY = (
    "i won't tell",
    "i will not tell",
    "our secret",
    "between us only",
    "keep it secret",
    "won't tell anyone",
    "i promise",
)


@pytest.mark.parametrize("emailed", [True, False])
@pytest.mark.parametrize("band", BANDS)
@pytest.mark.parametrize("kinds", [["safeguarding"], ["move_school"], ["unhappy_in_school"]])
def test_replies_thank_promise_no_secrecy_and_ask_nothing(
    band: str, kinds: list[str], emailed: bool
) -> None:
    reply = safe_reply(kinds, band, emailed=emailed).lower()
    # "told" is promised only when the email goes; otherwise the words are kept to be read.
    assert ("told" in reply) is emailed and ("saved" in reply) is not emailed
    assert reply.startswith("thank you")
    assert "?" not in reply
    assert not any(phrase in reply for phrase in SECRECY)
    if "safeguarding" in kinds:
        assert "grown-up" in reply or "adult" in reply or "someone" in reply
        assert "carry on" in reply and "stop" in reply


@pytest.mark.parametrize("band", BANDS)
def test_a_child_on_their_own_is_told_where_help_is_now(band: str) -> None:
    """No adult beside them is alerted, so the reply itself points to help now."""
    alone = safe_reply(["safeguarding"], band, alone=True)
    with_helper = safe_reply(["safeguarding"], band)
    assert alone.startswith(with_helper) and "999" in alone and "999" not in with_helper
    assert ("Childline" in alone) is (band in ("KS3", "KS4", "POST16"))
    assert not any(phrase in alone.lower() for phrase in SECRECY)
    # A school concern is not an emergency: no 999 for wanting to move school.
    assert "999" not in safe_reply(["move_school"], band, alone=True)


def test_youngest_children_get_short_sentences() -> None:
    sentences = [s for s in safe_reply(["safeguarding"], "EY").split(".") if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 10


def test_the_helper_is_told_to_tell_the_dsl_now() -> None:
    assert "designated safeguarding lead now" in helper_alert(["safeguarding"])
    assert "move school" in helper_alert(["move_school"])
    assert "virtual school" not in helper_alert(["move_school"], emailed=True)  # not told
    assert "no email" in helper_alert(["safeguarding"], emailed=False)


def test_jsonl_keeps_going_after_a_bad_line() -> None:
    lines = [
        '{"id": "1", "text": "my dad hits me"}',
        "not json",
        '{"id": "3"}',
        '{"id": "4", "text": "I like art"}',
    ]
    out = [json.loads(line) for line in screen_jsonl(lines)]
    assert out[0]["id"] == "1" and out[0]["kinds"] == ["safeguarding"]
    assert "error" in out[1]
    assert out[2]["id"] == "3" and "text" in out[2]["error"]
    assert out[3] == {"id": "4", "kinds": [], "review_kinds": []}


def test_the_pep_voice_screen_command() -> None:
    result = CliRunner().invoke(
        app, ["screen"], input='{"id": "a", "text": "i want a new school"}\n'
    )
    assert result.exit_code == 0
    answer = json.loads(result.stdout.strip())
    assert answer["id"] == "a"
    assert "move_school" in answer["kinds"] + answer["review_kinds"]
    assert not set(answer["kinds"]) & set(answer["review_kinds"])
