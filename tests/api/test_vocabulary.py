"""One vocabulary: every band asks every topic, and the API's words come from the one file."""

from __future__ import annotations

from typing import get_args

import pytest

import vocabulary as v
from api.documents.content import RATING_WORDS
from api.routes.workflow import QaDecision
from api.services.concern_raising import LOW_FACES
from api.services.workflow import GRADES
from target_coach.schema import VoiceTopic

BANDS = ["EY", "KS1", "KS2", "KS3", "KS4", "POST16"]
STYLES = {"faces", "faces_words", "words"}


def test_the_topic_keys_are_the_coachs_voice_topics_in_order() -> None:
    assert list(v.vocabulary()["topics"]) == list(get_args(VoiceTopic))


@pytest.mark.parametrize("band", BANDS)
def test_every_band_asks_every_topic_in_its_own_words(band: str) -> None:
    topics = v.band_topics(band)
    assert set(topics) == set(get_args(VoiceTopic))
    for key, topic in topics.items():
        assert topic["title"] and topic["question"].endswith("?"), (band, key)
        assert topic["style"] in STYLES and topic["more"], (band, key)


def test_ks4_states_only_what_differs_from_ks3() -> None:
    ks3, ks4 = v.vocabulary()["bands"]["KS3"]["topics"], v.vocabulary()["bands"]["KS4"]["topics"]
    assert v.vocabulary()["bands"]["KS4"]["inherits"] == "KS3"
    for key, changed in ks4.items():
        assert all(ks3[key].get(field) != value for field, value in changed.items()), key


@pytest.mark.parametrize("band", ["EY", "KS1"])
def test_the_youngest_get_faces_for_feelings_and_a_few_words_a_question(band: str) -> None:
    topics = v.band_topics(band)
    assert all(topics[k]["style"] == "faces" for k in get_args(VoiceTopic)[:5])
    assert all(len(t["question"].split()) <= 10 for t in topics.values())


def test_every_topic_symbol_is_shipped_with_alt_text() -> None:
    for url, alt in v.symbol_alts().items():
        assert (v.PATH.parents[1] / "api" / url.lstrip("/")).is_file(), url
        assert alt


def test_pages_documents_and_concerns_use_the_faces_own_words() -> None:
    assert v.rating_words() == RATING_WORDS and RATING_WORDS[1] == "very sad"
    assert LOW_FACES == {1: "very sad", 2: "sad"}


def test_the_qa_grades_are_the_vocabularys() -> None:
    assert v.grades() == GRADES
    assert get_args(QaDecision.model_fields["grade"].annotation) == GRADES


@pytest.mark.parametrize(
    ("year", "label"),
    [(-1, "Nursery"), (0, "Reception"), (1, "Year 1"), (13, "Year 13"), (None, "Not in school")],
)
def test_school_year_labels(year: int | None, label: str) -> None:
    assert v.school_year_label(year) == label
