"""A "no" to the question the screen listens for goes to a person to read, without an alarm."""

from __future__ import annotations

import pytest

from safeguarding import screen_tiers


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i'm not sad at school", "unhappy_in_school"),
        ("no, i'm not being bullied now", "unhappy_in_school"),
        ("nobody is mean to me", "unhappy_in_school"),
        ("i used to be sad at school but now i have friends", "unhappy_in_school"),
        ("I feel safe at home", "safeguarding"),
        ("nothing bad happens at home", "safeguarding"),
    ],
)
def test_a_denial_is_read_by_a_person_but_raises_no_alarm(text: str, kind: str) -> None:
    tiers = screen_tiers(text)
    assert kind not in tiers.kinds
    assert kind in tiers.review_kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i'm not sad at school but i am at home", "safeguarding"),
        ("I don't feel safe at home", "safeguarding"),
        ("i feel safe at school but not at home", "safeguarding"),
        ("i hide in the toilets at break so no one picks on me", "unhappy_in_school"),
        ("nobody is mean to me at school, my carer hits me", "safeguarding"),
    ],
)
def test_a_denial_turned_round_or_beside_a_disclosure_stays_urgent(text: str, kind: str) -> None:
    assert kind in screen_tiers(text).kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i'm not sad at school, sometimes i am", "unhappy_in_school"),
        ("nobody picks on me, well sometimes they do", "unhappy_in_school"),
        ("no, i'm not being bullied, sometimes", "unhappy_in_school"),
        ("I feel safe at home sometimes", "safeguarding"),
        ("nothing bad happens at home, well sometimes it does", "safeguarding"),
        ("i'm not scared of going home, sometimes i am", "safeguarding"),
    ],
)
def test_sometimes_turns_a_denial_round_so_it_stays_urgent(text: str, kind: str) -> None:
    """A child who says "I'm not sad at school, sometimes I am" has not said "no"."""
    assert kind in screen_tiers(text).kinds
    # The same words without "sometimes" are a plain "no", which raises no alarm: it is
    # "sometimes" that turns them round.
    assert kind not in screen_tiers(text.replace(" sometimes", "")).kinds


@pytest.mark.parametrize(
    "text",
    [
        "i dont want to move school",
        "i really don't want to leave this school, all my friends are here",
    ],
)
def test_not_wanting_a_school_move_is_still_raised_at_once(text: str) -> None:
    """A looked-after child's "I don't want to leave this school" is a school move the virtual
    school must hear of at once, so denials never apply to moving school."""
    assert "move_school" in screen_tiers(text).kinds
