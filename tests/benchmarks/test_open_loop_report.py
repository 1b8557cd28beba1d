"""The bench's open-loop report: the issue's goal as measured, and the screen's share beside it."""

from __future__ import annotations

from benchmarks.run import _open_loop

LATENCY = {"n": 300, "p50": 80.0, "p95": 100.0}


def _report(screen: float | None, cpu: dict[str, float] | None = None) -> str:
    load = {
        "children": 100,
        "offered_per_s": 10.0,
        "achieved_per_s": 10.0,
        "turns": 300,
        "errors": 0,
        "latency": LATENCY,
        "cpu_ms_per_turn": cpu or {"api": 18.0, "actions": 3.0, "rasa": 40.0},
    }
    if screen is not None:
        load["screen_cpu_ms_per_turn"] = screen
    return "\n".join(_open_loop({"open_loop": load, "single": LATENCY}))


def test_the_goal_row_counts_the_screen_as_our_own() -> None:
    report = _report(6.0)
    assert "| PEP Voice's own CPU per turn at most half of Rasa's | 0.53x | no |" in report
    assert "the screen's model took 6.0 ms a turn" in report
    assert "Without it, PEP Voice's own CPU is 0.38x Rasa's" in report


def test_the_prose_gives_the_figures_the_goal_rows_judge() -> None:
    """Near the line, whole milliseconds hide what the goal row judges: 18.4 + 2.6 against 40.6
    and 18 + 3 against 40 both read "18, 3, 40", yet one is 0.52x and the other 0.53x."""
    load_report = _report(None)
    assert "p95 under load is 1.00x a lone child's p95" in load_report
    assert "API 18.0 ms, action server 3.0 ms, Rasa 40.0 ms" in load_report
    assert "| p95 under load at most 2x a lone child's | 1.00x | yes |" in load_report


def test_a_run_without_the_screens_count_reports_the_goal_alone() -> None:
    report = _report(None)
    assert "0.53x" in report
    assert "Without it" not in report


def test_a_ratio_just_over_the_line_does_not_print_as_the_line() -> None:
    """17.3 + 2.83 against 40.0 is 0.503x: "0.50x" beside "no" reads as a broken check."""
    report = _report(None, {"api": 17.3, "actions": 2.83, "rasa": 40.0})
    assert "| PEP Voice's own CPU per turn at most half of Rasa's | 0.503x | no |" in report
    assert "PEP Voice's own (API plus action server) is 0.503x Rasa's" in report


def test_a_ratio_on_the_line_meets_it() -> None:
    report = _report(None, {"api": 17.0, "actions": 3.0, "rasa": 40.0})
    assert "| PEP Voice's own CPU per turn at most half of Rasa's | 0.50x | yes |" in report
