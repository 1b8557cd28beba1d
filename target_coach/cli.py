"""`pep-coach`: the target coach on the command line, JSON Lines in and out."""

from __future__ import annotations

import json
import sys

import typer
from pydantic import ValidationError

app = typer.Typer(
    help="PEP Voice target coach: checks PEP targets against the SMART test.", no_args_is_help=True
)


def describe(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'line'}: {e['msg']}" for e in exc.errors()
    )


@app.command()
def check(
    whole_set: bool = typer.Option(
        False, "--set", help="Also check the lines as one term's set of targets (written last)."
    ),
) -> None:
    """Read target-check requests as JSON Lines on stdin; write one result per line."""
    from target_coach.check import check_target, check_target_set
    from target_coach.schema import TargetCheckRequest

    accepted = []
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = TargetCheckRequest.model_validate_json(line)
        except ValidationError as exc:
            error = (
                describe(exc)
                if exc.errors()[0]["type"] != "json_invalid"
                else ("the line is not valid JSON")
            )
            sys.stdout.write(json.dumps({"error": error}) + "\n")
            continue
        accepted.append(request)
        sys.stdout.write(check_target(request).model_dump_json() + "\n")
        sys.stdout.flush()
    if whole_set:
        findings = [f.model_dump() for f in check_target_set(accepted)]
        sys.stdout.write(json.dumps({"set": {"count": len(accepted), "policy": findings}}) + "\n")


@app.command()
def draft() -> None:
    """Read draft requests (the child's words, topic, key stage) as JSON Lines on stdin; write
    one target draft per line, its gaps for the school in [brackets]."""
    from target_coach.draft import draft_target
    from target_coach.schema import DraftRequest

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = DraftRequest.model_validate_json(line)
        except ValidationError as exc:
            error = (
                describe(exc)
                if exc.errors()[0]["type"] != "json_invalid"
                else "the line is not valid JSON"
            )
            sys.stdout.write(json.dumps({"error": error}) + "\n")
            continue
        sys.stdout.write(draft_target(request).model_dump_json() + "\n")
        sys.stdout.flush()


@app.command()
def version() -> None:
    """Print the coach's version."""
    typer.echo("pep-coach 0.1.0")


if __name__ == "__main__":
    app()
