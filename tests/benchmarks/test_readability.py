"""The questions get harder to read only as the child gets older."""

from __future__ import annotations

from benchmarks.readability import measure, render

BANDS = ["EY", "KS1", "KS2", "KS3", "KS4", "POST16"]


def test_words_per_sentence_and_grade_rise_with_age() -> None:
    rows = measure()
    assert [r["band"] for r in rows] == BANDS
    for measure_name in ("words_per_sentence", "grade"):
        values = [r[measure_name] for r in rows]
        assert values == sorted(values), (measure_name, values)
        assert values[0] < values[-1], measure_name


def test_the_table_has_a_row_for_every_band() -> None:
    table = render(measure())
    assert all(any(line.startswith(f"| {band} |") for line in table) for band in BANDS)
