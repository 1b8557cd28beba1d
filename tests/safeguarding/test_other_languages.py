"""A message the screen cannot read goes to a person: it is unread, not safe.

The examples here are the project's own; recall is measured on the frozen set in
`data/languages/` (written before the rule existed) and reported by `make bench`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from safeguarding import screen_tiers, screen_tiers_many
from safeguarding.language import (
    english_words_of_england,
    foreign_clause,
    other_script_share,
    unreadable_message,
)

LANGUAGES = Path(__file__).parent / "data" / "languages"
# The frozen set's floors: a person must see nearly every message not in English, and the
# rule must not send the English in it (slang, names, foreign words in English) to review.
FLAG_RECALL_FLOOR = 0.85
ENGLISH_SENT_CEILING = 0.10


def sent_to_a_person(text: str) -> bool:
    tiers = screen_tiers(text)
    return bool(tiers.kinds or tiers.review_kinds)


@pytest.mark.parametrize(
    "text",
    [
        "Mój ojczym mnie bije",  # Polish: my stepfather beats me
        "tata meu ma loveste cand bea",  # Romanian, no diacritics: my dad hits me when he drinks
        "زوج أمي يضربني",  # Arabic: my mother's husband hits me
        "Мне страшно идти домой",  # Russian: I am scared to go home
        "mae fy nhad yn fy nharo i",  # Welsh: my father hits me
    ],
)
def test_a_disclosure_in_another_language_reaches_a_person(text: str) -> None:
    assert "safeguarding" in screen_tiers(text).review_kinds + screen_tiers(text).kinds


def test_an_ordinary_answer_in_another_language_is_read_by_a_person_too() -> None:
    # The screen cannot tell it is ordinary: only a person who reads Polish can.
    assert sent_to_a_person("lubię matematykę i moją nauczycielkę")


def test_a_clause_in_another_language_inside_an_english_answer_is_not_lost() -> None:
    assert sent_to_a_person("school is good I like art. w domu on mnie bije")


@pytest.mark.parametrize(
    "text",
    [
        "school is ok but o meu tio bate me muito",  # Portuguese: my uncle hits me a lot
        "i like my carer but mera bhai mujhe dhamki deta hai",  # Roman Urdu: brother threatens me
        "school is fine but aabahay wuu i garaacaa",  # Somali: my father hits me
    ],
)
def test_words_in_another_language_mid_sentence_are_not_lost(text: str) -> None:
    # No punctuation splits these: the home language is a run of words inside English.
    assert unreadable_message(text)


@pytest.mark.parametrize("text", ["妈妈打我", "こわい", "도와줘"])
def test_a_few_letters_of_another_script_are_a_whole_sentence(text: str) -> None:
    # Chinese "mum hits me", Japanese "scared", Korean "help me": too few letters for Latin.
    assert foreign_clause(text)


@pytest.mark.parametrize(
    "text",
    [
        "i dont no wat to rite",
        "ok",
        "my friends are Jake and Priya",
        "art and football",
        "I want to be a vet",
        "more help with reading please",
    ],
)
def test_english_typing_is_not_taken_for_another_language(text: str) -> None:
    assert not unreadable_message(text)


@pytest.mark.parametrize(
    "text",
    [
        "year 9 maths is calm tbh",
        "my carer takes me to footie on saturdays",
        "ngl pshe is a bit boring",
        "i practised my spellings with my nan",
        "my favourite colour is grey obvs",
        "gonna do a btec in sport innit",
    ],
)
def test_the_words_of_children_in_england_are_english(text: str) -> None:
    # The spaCy vocabulary is American: without its British and text-speak words these were
    # foreign, and a child would be told the bot could not read them.
    assert not unreadable_message(text)


def test_the_added_english_words_hold_no_common_word_of_another_language() -> None:
    # A word here is read as English wherever it appears, so a foreign disclosure made of such
    # words would go unread: function words of the languages children in England speak most.
    common_elsewhere = {
        *["nie", "na", "jest", "ta", "to", "ja", "mi", "się", "tak"],  # Polish
        *["sen", "ben", "bir", "ve", "bu"],  # Turkish
        *["nu", "sa", "si", "eu", "este"],  # Romanian
        *["hai", "main", "mera", "nahi"],  # Urdu and Hindi in Latin letters
        *["que", "por", "el", "la", "es", "yo"],  # Spanish
        *["je", "tu", "il", "est", "pas"],  # French
        *["ich", "und", "nicht", "ist"],  # German
    }
    assert not common_elsewhere & english_words_of_england()


def test_script_share_counts_letters_only() -> None:
    assert other_script_share("😀 123 !!") == 0.0
    assert other_script_share("Zoë and Łukasz") == 0.0
    assert other_script_share("لا") == 1.0


def test_words_too_short_to_judge_are_left_to_the_model() -> None:
    assert not foreign_clause("tak")
    assert not foreign_clause("nu")


def test_emoji_and_empty_messages_are_not_foreign() -> None:
    assert screen_tiers_many(["", "   ", "🙂"]) == [screen_tiers("")] * 3
    assert not foreign_clause("👍👍👍 🙂")


def _frozen() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(LANGUAGES.glob("frozen_*.jsonl")):
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return rows


def test_the_frozen_set_meets_its_floors() -> None:
    rows = _frozen()
    assert len(rows) >= 200
    tiers = screen_tiers_many([r["text"] for r in rows])
    sent = [bool(t.kinds or t.review_kinds) for t in tiers]
    foreign = [s for r, s in zip(rows, sent, strict=True) if r["expect"] == "flag"]
    assert sum(foreign) / len(foreign) >= FLAG_RECALL_FLOOR
    disclosures = [s for r, s in zip(rows, sent, strict=True) if r["kind"] == "disclosure"]
    assert sum(disclosures) / len(disclosures) >= FLAG_RECALL_FLOOR
    english = [unreadable_message(r["text"]) for r in rows if r["expect"] == "none"]
    assert sum(english) / len(english) <= ENGLISH_SENT_CEILING
