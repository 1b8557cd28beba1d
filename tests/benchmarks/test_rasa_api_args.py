"""The benchmark's Rasa starts whatever its random token looks like."""

from __future__ import annotations

import argparse

import pytest

from tests.fixtures.live import rasa_http_api_args


def _rasa_run_parser() -> argparse.ArgumentParser:
    """The two options as `rasa run` declares them (rasa/cli/arguments/run.py)."""
    parser = argparse.ArgumentParser(prog="rasa run")
    parser.add_argument("--enable-api", action="store_true")
    parser.add_argument("-t", "--auth-token", type=str)
    return parser


@pytest.mark.parametrize("token", ["-starts-with-a-dash", "--two-dashes", "plain_token-123"])
def test_the_token_reaches_rasa_as_given_even_when_it_looks_like_an_option(token: str) -> None:
    parsed = _rasa_run_parser().parse_args(rasa_http_api_args(token))
    assert parsed.enable_api
    assert parsed.auth_token == token


def test_a_token_given_as_its_own_argument_is_refused_when_it_starts_with_a_dash() -> None:
    """Why the option and its token are one argument: the other way fails to start Rasa."""
    with pytest.raises(SystemExit):
        _rasa_run_parser().parse_args(["--enable-api", "--auth-token", "-starts-with-a-dash"])
