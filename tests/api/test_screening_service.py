"""The API screens the child's own words, never the payload of a button they pressed."""

from __future__ import annotations

import pytest

from api.services.screening import screen_message


@pytest.mark.parametrize("payload", ['/rate{"rating": 1}', "/decline", "/carry_on", "/start"])
def test_a_button_payload_raises_nothing(payload: str) -> None:
    assert not screen_message(payload).any


def test_typed_words_that_start_with_a_slash_are_still_screened() -> None:
    assert "safeguarding" in screen_message("/ my dad hits me with his belt").kinds
