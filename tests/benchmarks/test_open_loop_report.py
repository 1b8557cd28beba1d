"""The bench's open-loop report: the issue's goal as measured, and the screen's share beside it."""

from __future__ import annotations

from benchmarks.run import _open_loop

LATENCY = {"n": 300, "p50": 80.0, "p95": 100.0}


def _report(screen: float | None) -> str:
    load = {
        "children": 100,
        "offered_per_s": 10.0,
        "achieved_per_s": 10.0,
        "turns": 300,
        "errors": 0,
        "latency": LATENCY,
        "cpu_ms_per_turn": {"api": 18.0, "actions": 3.0, "rasa": 40.0},
    }
    if screen is not None:
        load["screen_cpu_ms_per_turn"] = screen
    return "\n".join(_open_loop({"open_loop": load, "single": LATENCY}))


def test_the_goal_row_counts_the_screen_as_our_own() -> None:
    report = _report(6.0)
    assert "| PEP Voice's own CPU per turn at most half of Rasa's | 0.53x | no |" in report
    assert "the screen's model took 6.0 ms a turn" in report
    assert "Without it, PEP Voice's own CPU is 0.38x Rasa's" in report


def test_a_run_without_the_screens_count_reports_the_goal_alone() -> None:
    report = _report(None)
    assert "0.53x" in report
    assert "Without it" not in report
