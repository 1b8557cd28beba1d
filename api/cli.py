"""`pep-voice`: the API's command line. Each command is a thin wrapper over a library call."""

from __future__ import annotations

import sys

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


if __name__ == "__main__":
    app()
