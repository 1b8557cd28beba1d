"""`pep-voice`: the API's command line. Each command is a thin wrapper over a library call."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="PEP Voice: database set-up, the demo authority and the safeguarding screen.",
    no_args_is_help=True,
)


@app.command()
def screen() -> None:
    """Screen child messages: {"id", "text"} lines in; {"id", "kinds", "review_kinds"} out."""
    from safeguarding.jsonl import screen_jsonl

    for line in screen_jsonl(sys.stdin):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


@app.command()
def migrate() -> None:
    """Bring the database (DATABASE_URL, or the SQLite file) up to the newest schema."""
    from api.migrations_runner import upgrade_head

    upgrade_head()
    typer.echo("database is up to date")


@app.command("seed-demo")
def seed_demo() -> None:
    """Seed the demo authority (loopback demo mode only; does nothing if it is there)."""
    from api.config import get_settings
    from api.db.session import get_sessionmaker
    from api.demo import DemoRefused
    from api.demo import seed_demo as seed

    with get_sessionmaker()() as session:
        try:
            seeded = seed(session, get_settings())
        except DemoRefused as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(code=2) from exc
        session.commit()
    typer.echo("demo authority seeded" if seeded else "demo authority already there")


@app.command("screen-feedback")
def screen_feedback(
    out: Annotated[Path, typer.Option("--out", help="JSON Lines file to write")],
) -> None:
    """Write each concern the safeguarding lead decided as a labelled line for the screen."""
    from api.db.session import get_sessionmaker
    from api.services.screen_feedback import feedback_lines

    with get_sessionmaker()() as session:
        lines = feedback_lines(session)
    with out.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    typer.echo(f"wrote {len(lines)} decided concern(s) to {out}")


@app.command("notify-retry")
def notify_retry() -> None:
    """Send every concern email that is still pending or failed (run it from cron or by hand)."""
    from api.config import get_settings
    from api.db.session import get_sessionmaker
    from api.services import notify

    settings = get_settings()
    if not notify.enabled(settings):
        typer.echo("concern email is off (PEP_VOICE_SMTP_HOST is empty)", err=True)
        raise typer.Exit(code=2)
    with get_sessionmaker()() as session:
        sent, failing = notify.retry(session, settings)
        session.commit()
    typer.echo(f"sent {sent} concern email(s); {failing} still failing")
    if failing:
        raise typer.Exit(code=1)


if __name__ == "__main__":
    app()
