"""Every disclosure in the labelled set is caught; ordinary talk rarely raises an alarm."""

from __future__ import annotations

from collections import Counter
from typing import Any

from safeguarding import screen


def test_the_set_is_big_and_covers_every_category(labelled: list[dict[str, Any]]) -> None:
    categories = Counter(row["category"] for row in labelled)
    assert len(labelled) >= 300
    assert categories["ordinary"] >= 100
    for category in (
        "physical",
        "sexual",
        "emotional",
        "neglect",
        "self_harm",
        "suicidal",
        "eating",
        "exploitation",
        "grooming",
        "domestic",
        "missing",
        "fgm",
        "forced_marriage",
        "radicalisation",
        "substances",
        "threats",
        "fear_home",
        "move",
        "unhappy",
    ):
        assert categories[category] >= 3, category


def test_every_disclosure_is_caught(
    labelled: list[dict[str, Any]], screened: list[list[str]]
) -> None:
    missed = [
        row["text"]
        for row, kinds in zip(labelled, screened, strict=True)
        if not set(row["kinds"]) <= set(kinds)
    ]
    assert missed == []


def test_false_alarms_stay_at_or_under_ten_percent(
    labelled: list[dict[str, Any]], screened: list[list[str]]
) -> None:
    ordinary = [
        (row, kinds) for row, kinds in zip(labelled, screened, strict=True) if not row["kinds"]
    ]
    alarms = [row["text"] for row, kinds in ordinary if kinds]
    assert len(alarms) / len(ordinary) <= 0.10, alarms


def test_batched_and_single_screens_agree(
    labelled: list[dict[str, Any]], screened: list[list[str]]
) -> None:
    for row, kinds in list(zip(labelled, screened, strict=True))[::15]:
        assert screen(row["text"]) == kinds


def test_text_speak_misspelling_and_past_tense_are_caught() -> None:
    for text in (
        "my stepdad h1ts me",
        "he tuched me",
        "sumone hurtz me at hom",
        "when i was 7 he used to beat me",
        "my friend's dad rapd her",
        "KMS",
        "i wanna DIE",
    ):
        assert "safeguarding" in screen(text), text


def test_ordinary_school_talk_passes() -> None:
    for text in (
        "PE is killing me",
        "I could die of boredom",
        "I got a new school bag",
        "we had a pillow fight at my sleepover",
        "my favourite lesson is art",
    ):
        assert screen(text) == [], text


def test_a_disclosure_inside_a_long_message_is_not_diluted() -> None:
    text = (
        "I like maths and my teacher is nice and I have friends and we play football at "
        "break and lunch is good but my uncle comes in my room at night and I don't like it"
    )
    assert "safeguarding" in screen(text)
