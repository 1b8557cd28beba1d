"""The set rules about the child's voice: a term's targets must answer what the child asked for,
and a worry about school must have a target or an action on it."""

from __future__ import annotations

from target_coach.voice import ChildAsk, Plan, voice_findings

ASKS = [
    ChildAsk("support_wanted", "Someone to go through maths with me, one to one"),
    ChildAsk("aspirations", "Go to college and be a mechanic"),
    ChildAsk("going_well", "I like PE"),  # not a request: never counted
]
ATTENDANCE = Plan("t1", "Arrive before the register closes. Attendance above 95% on the register")
MATHS = Plan("t2", "Solve two-step equations. 7 out of 10 in the end-of-unit algebra test")


def _rules(asks: list[ChildAsk], targets: list[Plan], **kw: list) -> list[str]:
    findings, _ = voice_findings(asks, targets, kw.get("worries", []), kw.get("actions", []))
    return [f.rule for f in findings]


def test_targets_that_ignore_the_child_are_flagged_with_their_words() -> None:
    findings, relations = voice_findings(ASKS, [ATTENDANCE], [], [])
    assert [f.rule for f in findings] == ["child_voice_not_addressed"]
    assert "one to one" in findings[0].message
    assert all(not r.answered_by for r in relations)


def test_no_targets_yet_is_flagged_too() -> None:
    assert _rules(ASKS, []) == ["child_voice_not_addressed"]


def test_a_target_about_the_same_need_answers_the_child_and_says_why() -> None:
    findings, relations = voice_findings(ASKS, [ATTENDANCE, MATHS], [], [])
    assert findings == []
    maths = next(r for r in relations if r.ask.topic == "support_wanted")
    assert maths.answered_by == [{"ref": "t2", "reason": "both are about maths"}]


def test_a_link_by_the_school_answers_the_child_whatever_the_words() -> None:
    linked = Plan("t1", ATTENDANCE.text, answers_topic="aspirations")
    findings, relations = voice_findings(ASKS, [linked], [], [])
    assert findings == []
    college = next(r for r in relations if r.ask.topic == "aspirations")
    assert college.answered_by[0]["reason"] == "the school linked it to this answer"


def test_nothing_asked_for_means_nothing_to_answer() -> None:
    said_nothing = [ChildAsk("support_wanted", "nothing"), ChildAsk("not_going_well", "dunno")]
    assert _rules(said_nothing, [ATTENDANCE]) == []


def test_a_worry_about_school_needs_a_target_or_an_action() -> None:
    worry = [ChildAsk("unhappy_in_school", "Nobody talks to me at break and I hate it here")]
    assert _rules([], [MATHS], worries=worry) == ["child_concern_not_addressed"]
    club = Plan("action-0", "Key adult helps choose a lunchtime club and goes with them")
    assert _rules([], [MATHS], worries=worry, actions=[club]) == []


def test_a_target_giving_help_the_child_turned_down_is_flagged_in_their_words() -> None:
    asks = [ChildAsk("support_wanted", "I don't need a mentor, I just want help with art")]
    mentoring = Plan("t1", "Meet the learning mentor every Wednesday. Attends 10 of 12 sessions")
    drawing = Plan("t2", "Draw 4 observational studies for the art portfolio")
    findings, _ = voice_findings(asks, [mentoring, drawing], [], [])
    turned_down = [f for f in findings if f.rule == "child_turned_down_help"]
    assert len(turned_down) == 1
    assert "I don't need a mentor" in turned_down[0].message
    assert "Meet the learning mentor" in turned_down[0].message


def test_asking_for_help_is_not_turning_it_down() -> None:
    asks = [ChildAsk("support_wanted", "I need a mentor, I don't want to fall behind")]
    mentoring = Plan("t1", "Meet the learning mentor every Wednesday. Attends 10 of 12 sessions")
    assert "child_turned_down_help" not in _rules(asks, [mentoring])
