"""A face is read from a child's words only when they are unambiguous; a wrong face is worse
than none. The table was written from how children answer, before the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actions.ratings import rating_from_words

DATA = Path(__file__).parent / "data"


def rows(name: str) -> list[tuple[str, int | None]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [(r["text"], r["rating"]) for r in map(json.loads, filter(None, lines))]


@pytest.mark.parametrize(("text", "rating"), rows("rating_answers.jsonl"))
def test_each_tuning_answer_gets_exactly_its_rating(text: str, rating: int | None) -> None:
    assert rating_from_words(text) == rating


def test_held_out_answers_are_never_given_a_wrong_rating() -> None:
    """Held out while the rules were written: a missed rating is allowed, a wrong one is not."""
    held = rows("rating_answers_heldout.jsonl")
    wrong = [(t, r) for t, r in held if rating_from_words(t) not in (r, None)]
    missed = sum(1 for t, r in held if r is not None and rating_from_words(t) is None)
    assert len(held) >= 30 and wrong == []
    assert missed <= 3  # 2 at first sight; more means the rules have become timid


def test_the_tables_are_big_enough_to_mean_something() -> None:
    assert len(rows("rating_answers.jsonl")) + len(rows("rating_answers_heldout.jsonl")) >= 140


@pytest.mark.parametrize(("text", "rating"), rows("rating_answers_like.jsonl"))
def test_like_rates_only_as_a_verb_and_a_wish_is_not_a_rating(
    text: str, rating: int | None
) -> None:
    """ "A mechanic like my uncle" is not "happy", nor is "I'd love to be a vet".

    Written when a KS3 answer to "How are you feeling about yourself?" was given a happy face
    for "like my uncle". At first sight 14 of the 15 prepositions and fillers and both wishes
    were given a face (4 or 5); all 16 answers that do rate were read right, and still are.
    "ok tho" (though, as teenagers type it) was read as a plain OK; it is conditional.
    And "mrs khan is nice, mr brown shouts a lot", typed at a KS2 face, was a happy face: a
    clause that rates nothing now leaves the face to the child. The last ten were found by
    an exploratory pass ("nobody is nice to me" was happy, "I love it when school is shut"
    very happy): "nobody", "nothing", wishes, "when" and "happy to"/"good at" rate nothing.
    """
    assert rating_from_words(text) == rating
