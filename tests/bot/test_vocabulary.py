"""The bot reads the same vocabulary file as the API: every topic at every age."""

from __future__ import annotations

import pytest
import yaml
from actions import steps
from actions.scripts import SCRIPTS, question_for
from actions.vocabulary import PATH, topic_keys

BANDS = ["EY", "KS1", "KS2", "KS3", "KS4", "POST16"]


def test_the_bot_reads_the_one_vocabulary_file() -> None:
    with PATH.open(encoding="utf-8") as file:
        assert topic_keys() == list(yaml.safe_load(file)["topics"])


@pytest.mark.parametrize("band", BANDS)
def test_every_band_asks_all_ten_topics(band: str) -> None:
    assert [q.topic for q in SCRIPTS[band]] == topic_keys()


@pytest.mark.parametrize(("band", "pictures"), [("EY", True), ("KS1", True), ("KS2", False),
                                                 ("POST16", False)])
def test_the_youngest_see_a_symbol_beside_each_question(band: str, pictures: bool) -> None:
    state = {"age_band": band, "child_first_name": "Ada"}
    for topic in topic_keys():
        q = question_for(band, topic)
        assert q is not None
        step = f"topic:{topic}:{'rating' if q.style != 'words' else 'words'}"
        message = steps.ask(step, state)[0]
        assert message["text"] == q.text
        assert message.get("image") == q.image and (q.image is not None) == pictures, topic


def test_ks4_differs_from_ks3_only_where_it_says() -> None:
    ks3 = {q.topic: q for q in SCRIPTS["KS3"]}
    changed = [q.topic for q in SCRIPTS["KS4"] if q != ks3[q.topic]]
    assert "feelings_about_learning" in changed and "feelings_about_school" not in changed
