"""What the assistant asks, band by band, built from vocabulary/vocabulary.yaml.

Every band asks all ten topics in its own words: EY and KS1 a few words a question, faces for
feelings and a symbol beside each question; KS2 short sentences, faces, then the child's own
words; KS3 and KS4 fuller questions; POST16 college, training, work, money and independence.
The words themselves live in the vocabulary file, so the API and documents say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from actions.vocabulary import band_flag, band_topics, ratings, symbol_url

FACES = "faces"            # a face (1-5), then an optional "tell me more"
FACES_WORDS = "faces_words"  # a face, then the child's own words
WORDS = "words"            # the child's own words
BANDS = ("EY", "KS1", "KS2", "KS3", "KS4", "POST16")


@dataclass(frozen=True)
class Question:
    topic: str
    text: str
    style: str
    more: str
    title: str  # the child's own name for the topic: the summary, "change an answer"
    image: str | None = None  # a symbol beside the question, for the youngest


def _script(band: str) -> list[Question]:
    symbols = band_flag(band, "symbols")
    return [Question(topic, t["question"], t["style"], t["more"], t["title"],
                     symbol_url(topic) if symbols else None)
            for topic, t in band_topics(band).items()]


SCRIPTS: dict[str, list[Question]] = {band: _script(band) for band in BANDS}
YOUNG = {"EY", "KS1", "KS2"}
READ_ALOUD = {band for band in BANDS if band_flag(band, "read_aloud")}

FACE_BUTTONS = [(r["face"], r["words"][:1].upper() + r["words"][1:], value)
                for value, r in ratings().items()]
RATING_WORDS = {value: r["words"] for value, r in ratings().items()}


def script_for(band: str) -> list[Question]:
    return SCRIPTS.get(band, SCRIPTS["KS3"])


def question_for(band: str, topic: str) -> Question | None:
    return next((q for q in script_for(band) if q.topic == topic), None)


def title_for(band: str, topic: str) -> str:
    """The band's own name for a topic (every band names every topic)."""
    question = question_for(band, topic)
    return question.title if question else topic.replace("_", " ")
