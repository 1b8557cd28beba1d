"""Running Alembic from code, for the CLI and the test fixtures."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from api.config import PROJECT_ROOT


def alembic_config() -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "api" / "migrations"))
    config.attributes["configure_logging"] = False
    return config


def upgrade_head() -> None:
    command.upgrade(alembic_config(), "head")
