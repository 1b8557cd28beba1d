"""What a virtual school officer reads for in a target's own words, beyond its parse: a general
aim is not a skill, the help is not the outcome, the help's timetable is not a measure, an exam
named without a result measures nothing, and "by the next PEP" is a day when the PEP has one."""

from __future__ import annotations

from datetime import date

import pytest

from target_coach.check import check_target
from target_coach.criteria import measurable, specific, time_bound
from target_coach.judgement import relevant
from target_coach.words import is_word
from tests.target_coach.conftest import TODAY, request


@pytest.mark.parametrize(
    "target",
    [
        "Reduce exclusions",
        "Attendance to improve",
        "Attend college more",
        "Gain work experience",
        "Work on resilience and coping strategies",
        "To develop her communication and language skills",
        "Reduce the number of behaviour points",
        "Revise for mocks",
        "To develop positive relationships with peers and staff",
        "To manage his emotions in lessons",
        "To develop a love of reading",
        "Be ready for adult life",
        "To look into apprenticeships",
        # A whole area of learning, and effort
        "To improve Sam's personal, social and emotional development",
        "Work on her PSED",
        "To improve functional skills maths",
        "Jo to try his best in every lesson",
        "Do her best in class",
    ],
)
def test_a_direction_on_a_broad_area_is_not_specific(target: str) -> None:
    result = specific(request(target=target))
    assert result.met is False and "could mean many things" in result.reason


@pytest.mark.parametrize(
    "target",
    [
        "Arrive at school before registration at 8.40am",
        "Attend 95% of sessions at college",
        "Reduce lates to no more than 2 a half term",
        "Use a range of strategies to calm down when angry in class",
        "Read and spell the Year 1 common exception words",
        "Attend every lesson on time",
        "Stay in class for the whole lesson",
        "Go to all his lessons",
        "To know times tables up to 12x12",
        "Visit two colleges and look into apprenticeships",
        "Try her best to read 20 words a minute on the fluency check",
        "Learn to lead a warm-up in PE",
        "Officer cadets to attend every Tuesday parade",
    ],
)
def test_a_behaviour_or_a_level_is_still_specific(target: str) -> None:
    assert specific(request(target=target)).met is True


@pytest.mark.parametrize(
    "target", ["Be happy in every lesson", "Try to be positive in all lessons", "Stay in lessons"]
)
def test_being_in_lessons_needs_which_and_how_long_and_a_behaviour(target: str) -> None:
    """A feeling "in every lesson" is still a feeling; "stay in lessons" says not how long."""
    assert specific(request(target=target)).met is False


@pytest.mark.parametrize(
    ("target", "need"),
    [
        ("Reduce suspensions to no more than 1 in the spring term", "SEMH"),
        ("Attend 90% of sessions", "emotionally based school avoidance (EBSA)"),
        ("Complete the Prince's Trust Team programme", "NEET"),
        ("Share toys and take turns in small group play", "snatching and hitting when frustrated"),
        # Links a virtual-school officer makes that the words do not share:
        ("Use a PECS book to ask for a drink at lunch", "non-verbal, autism"),
        ("Use the toilet when prompted at each break", "global developmental delay"),
        ("Pass the phonics screening check in June", "phonics gaps after three school moves"),
        ("Read 40 high-frequency words on sight", "Polish speaker, arrived in Year 2"),
        ("Catch up on the autumn term's chemistry topics", "long stay on a children's ward"),
        ("Send a UCAS application for midwifery by January", "wants to go to university"),
        ("Stay in all lessons for the full hour", "SEMH, on a reduced timetable"),
        ("No more exclusions this term", "risk of permanent exclusion"),
        ("Wear ear defenders and stay in the dinner hall for 10 minutes", "auditory sensitivity"),
        ("Take part in weekly SALT sessions in school", "unclear speech"),
        ("Visit two post-16 providers before Easter", "NEET since leaving school"),
    ],
)
def test_a_target_answers_the_need_a_virtual_school_would_link_it_to(
    target: str, need: str
) -> None:
    assert relevant(request(target=target, context={"needs": [need]})).met is True


def test_words_of_the_calendar_link_no_target_to_a_need() -> None:
    """ "times tables" shares only "time" with "anxiety at unstructured times"."""
    result = relevant(
        request(
            target="To know times tables up to 12x12",
            outcome="Scores 22+/25 on the Y4 MTC",
            context={"needs": ["anxiety at unstructured times"]},
        )
    )
    assert result.met is False


@pytest.mark.parametrize(
    ("target", "named"),
    [
        ("Ruby to access a range of strategies to support her emotional regulation", "access"),
        ("To engage with interventions to support her SEMH needs", "engage with interventions"),
        ("Have swimming lessons to build water confidence", "Have swimming lessons"),
        ("Take part in weekly ELSA sessions", "Take part in weekly ELSA sessions"),
        ("To continue to access counselling", "access counselling"),
    ],
)
def test_the_help_named_as_the_target_is_not_specific(target: str, named: str) -> None:
    result = specific(request(target=target))
    assert result.met is False
    assert "How" in result.reason and named in result.evidence[0]


def test_how_often_the_help_runs_does_not_measure_the_child() -> None:
    req = request(target="Learn to tie his shoelaces", action="Practise twice a week with the TA")
    assert measurable(req).met is False
    with_outcome = req.model_copy(update={"outcome": "Ties both shoes on 4 of 5 mornings"})
    assert measurable(with_outcome).met is True


@pytest.mark.parametrize(
    ("target", "outcome", "met"),
    [
        ("1:1 reading tutor twice a week (PP+).", "Reading will improve.", False),
        ("School to provide a weekly 1:1 maths tutor (1 hr) for 10 weeks", "", False),
        (
            "School to provide a weekly 1:1 maths tutor (1 hr) for 10 weeks",
            "Grade 4 in maths",
            True,
        ),
    ],
)
def test_help_written_as_the_target_is_measured_by_its_outcome_only(
    target: str, outcome: str, met: bool
) -> None:
    judged = measurable(request(target=target, outcome=outcome, key_stage="KS4"))
    assert judged.met is met, judged.reason


@pytest.mark.parametrize(
    ("target", "outcome", "met"),
    [
        ("Do well in his exams", "", False),
        ("Engage with SEMH support", "Improved Boxall profile", False),
        ("Pass the driving theory test", "", True),
        ("Learn column addition", "Scores 8 of 10 in the unit test", True),
        ("Swim unaided", "Swims 25m in the Y6 swimming assessment", True),
        ("Improve her writing", "Teacher assessment at EXS in writing", True),
        ("Improve her writing", "Her stories are more detailed", False),
    ],
)
def test_an_assessment_measures_only_with_a_result(target: str, outcome: str, met: bool) -> None:
    assert measurable(request(target=target, outcome=outcome)).met is met


def test_by_the_next_pep_is_the_review_day_when_the_pep_records_it() -> None:
    ask = {"target": "Read 40 words a minute", "when": "by next PEP"}
    known = time_bound(request(**ask, context={"review_date": "2027-03-05"}), today=TODAY)
    assert known.met is True and "05/03/2027" in known.reason
    unknown = time_bound(request(**ask), today=TODAY)
    assert unknown.met is False and "next PEP" in unknown.reason
    held = time_bound(request(**ask, context={"review_date": "2026-11-01"}), today=TODAY)
    assert held.met is False  # that review has been held: which one is next?


def test_british_school_words_are_words() -> None:
    for word in ("resit", "resits", "keyworker", "dysregulated", "neurodivergent"):
        assert is_word(word), word
    result = check_target(
        request(target="Achieve a grade 4 in the English Language GCSE resit", key_stage="POST16"),
        today=date(2026, 12, 2),
    )
    assert result.criteria.specific.met is True


@pytest.mark.parametrize(
    ("target", "outcome", "met"),
    [
        ("Lily-Mae to practise counting to 20 every day in provision", "", False),
        ("Work on counting to 20 during maths and play", "More confident with numbers", False),
        ("Work on counting to 20 during maths and play", "Counts 20 objects without help", True),
    ],
)
def test_practice_as_the_target_is_measured_by_its_outcome_only(
    target: str, outcome: str, met: bool
) -> None:
    judged = measurable(request(target=target, outcome=outcome, key_stage="EY"))
    assert judged.met is met, judged.reason


def test_the_fix_for_counted_practice_asks_for_the_outcome() -> None:
    """The teacher learns why "every day" was not taken as a measure, not the stock line about
    "neater" and "better", which their target never used."""
    result = check_target(
        request(target="Practise counting to 20 every day", when="12/03/2027", key_stage="EY")
    )
    (fix,) = [s for s in result.suggestions if "measured" in s]
    assert "in the outcome" in fix and "how often they practise" in fix


@pytest.mark.parametrize(
    "target",
    [
        "Virtual school officer to chase the EHCP paperwork",
        "Careers adviser to meet Tom about college courses",
        "Attendance lead to phone home on any day he is absent",
        "The school nurse to arrange a hearing test",
    ],
)
def test_any_named_post_heading_the_target_is_a_task_for_the_adults(target: str) -> None:
    result = specific(request(target=target))
    assert result.met is False and "task for the adults" in result.reason, result.reason
