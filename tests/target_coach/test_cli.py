"""`pep-coach check`: one result per line, an error line for a bad one, and the run goes on."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from target_coach.cli import app

GOOD = json.dumps({"target": "Read 40 words on sight", "when": "27/03/2027", "key_stage": "KS1"})


def test_results_and_errors_line_by_line() -> None:
    stdin = (
        "\n".join(
            [
                GOOD,
                "{not json",
                json.dumps({"target": "", "key_stage": "KS1"}),
                json.dumps({"target": "x", "key_stage": "KS7"}),
                GOOD,
            ]
        )
        + "\n"
    )
    result = CliRunner().invoke(app, ["check"], input=stdin)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5
    assert lines[0]["criteria"]["time_bound"]["met"] is True
    assert lines[1] == {"error": "the line is not valid JSON"}
    assert "target" in lines[2]["error"] and "key_stage" in lines[3]["error"]
    assert lines[4] == lines[0]


def test_the_set_option_adds_a_closing_set_line() -> None:
    stdin = "\n".join([GOOD] * 5) + "\n"
    result = CliRunner().invoke(app, ["check", "--set"], input=stdin)
    last = json.loads(result.stdout.splitlines()[-1])
    assert last["set"]["count"] == 5
    assert [p["rule"] for p in last["set"]["policy"]] == ["too_many_targets"]
