"""How hard each band's questions are to read, so the words rise with the child's age.

The questions come from vocabulary/vocabulary.yaml, the same words the bot asks. textstat
(pinned at 0.7.8, whose syllable dictionary ships with it) gives words per sentence and the
Flesch-Kincaid grade; a US grade of about 1 is a reception-to-Year-2 reader.
"""

from __future__ import annotations

from typing import Any

import textstat

from vocabulary import band_topics, vocabulary


def measure() -> list[dict[str, Any]]:
    """One row per band, youngest first: all ten questions read as one text."""
    rows = []
    for band in vocabulary()["bands"]:
        text = " ".join(t["question"] for t in band_topics(band).values())
        rows.append(
            {
                "band": band,
                "questions": len(band_topics(band)),
                "words": textstat.lexicon_count(text),
                "words_per_sentence": round(textstat.words_per_sentence(text), 1),
                "grade": round(textstat.flesch_kincaid_grade(text), 1),
            }
        )
    return rows


def render(rows: list[dict[str, Any]]) -> list[str]:
    """The BENCHMARKS.md section."""
    return [
        "## Readability of the questions, by age band",
        "",
        "Each band's ten questions from vocabulary/vocabulary.yaml, read as one text by textstat "
        "0.7.8: words per sentence and the Flesch-Kincaid grade (US school grade; below 0 is "
        "easier than first grade).",
        "",
        "| band | questions | words | words per sentence | Flesch-Kincaid grade |",
        "| --- | --- | --- | --- | --- |",
        *[
            f"| {r['band']} | {r['questions']} | {r['words']} | {r['words_per_sentence']} | "
            f"{r['grade']} |"
            for r in rows
        ],
        "",
    ]


if __name__ == "__main__":
    print("\n".join(render(measure())))
