"""What DTs paste into the target box that is not a target (the child's wish, the adults'
paperwork, the help, a feeling), and A level letter grades as a measure."""

from __future__ import annotations

import pytest

from target_coach.check import check_target, judge
from tests.target_coach.conftest import request


def _specific(target: str, key_stage: str = "KS2"):
    return judge(request(target=target, key_stage=key_stage)).specific


@pytest.mark.parametrize(
    "target",
    [
        "Jayden wants to be a footballer.",
        "I would like to become a hairdresser when I leave school",
        "Mia hopes to be a vet",
    ],
)
def test_the_childs_wish_is_not_the_target(target: str) -> None:
    judged = _specific(target)
    assert judged.met is False
    assert "wish" in judged.reason


def test_a_wish_with_what_the_child_will_do_is_still_judged_on_that() -> None:
    assert _specific("Sami wants to read the Horrid Henry books on his own").met is True


@pytest.mark.parametrize(
    ("target", "quoted"),
    [
        ("Annual review of EHCP to be held and EHCP updated.", "Annual review of EHCP to be held"),
        ("Referral to CAMHS to be made by the DT", "Referral to CAMHS to be made"),
        ("Transition meeting with college to be arranged", "to be arranged"),
        ("OT sensory diet to be followed in school.", "OT sensory diet to be followed"),
        ("SALT programme to be delivered by the TA", "SALT programme to be delivered"),
    ],
)
def test_the_adults_paperwork_in_the_passive_is_their_task(target: str, quoted: str) -> None:
    judged = _specific(target)
    assert judged.met is False
    assert quoted in judged.reason and "task for the adults" in judged.reason


def test_a_child_reviewing_their_own_work_is_not_paperwork() -> None:
    assert _specific("Sam to review his spelling test and correct 5 words each Friday").met


def test_help_after_the_childs_name_is_found_even_when_the_name_reads_as_a_verb() -> None:
    judged = _specific("Harvey to have ELSA sessions.")
    assert judged.met is False
    assert "have ELSA sessions" in judged.reason


@pytest.mark.parametrize(
    "target",
    [
        "Connor to think about what he wants to do.",
        "Connor to look into apprenticeships",
        "Kieran to settle into his new school and make friends.",
        "Ellie-Rose will feel less worried about going to high school.",
    ],
)
def test_aims_after_the_childs_name_are_as_broad_as_without_it(target: str) -> None:
    assert _specific(target, "KS3").met is False


def test_settling_with_what_it_looks_like_is_specific() -> None:
    judged = _specific("Ollie will settle into nursery in the morning without becoming distressed.")
    assert judged.met is True


@pytest.mark.parametrize(
    "target",
    [
        "Precious will move from a D to a B in Chemistry in her January assessment.",
        "Achieve a B in A level Psychology",
        "Gain at least a C in Biology",
    ],
)
def test_letter_grades_are_a_measure(target: str) -> None:
    assert judge(request(target=target, key_stage="POST16")).measurable.met is True


@pytest.mark.parametrize(
    ("target", "baseline", "met"),
    [
        ("Move from a D to an A* in Chemistry by the January assessment", "Y12.", False),
        ("Achieve a B in Chemistry in the January assessment", "Chemistry D in November", False),
        ("Achieve a C in Psychology in the January assessment", "Psychology D in November", True),
        ("Achieve a C in Psychology in the January assessment", "a D in psychology", True),
    ],
)
def test_a_letter_grade_step_of_more_than_one_in_a_term_is_a_big_jump(
    target: str, baseline: str, met: bool
) -> None:
    judged = judge(request(target=target, key_stage="POST16", context={"baseline": baseline}))
    assert judged.achievable.met is met, judged.achievable.reason


def test_the_article_a_is_never_read_as_a_grade() -> None:
    judged = judge(
        request(target="Get a book from the library and go from a to b", key_stage="KS3")
    )
    assert judged.measurable.met is False


@pytest.mark.parametrize(
    ("target", "kept"),
    [
        ("Kacper will settle at nursery", "Kacper will"),
        ("Zofia to count to 10", "Zofia to"),
        # Names that are also dictionary nouns: still no verb to open a target with.
        ("Harvey to count to 10", "Harvey to"),
        ("Poppy to count to 10", "Poppy to"),
        ("Noah to count to 10", "Noah to"),
    ],
)
def test_the_rewrite_keeps_the_childs_name_as_written(target: str, kept: str) -> None:
    assert kept in check_target(request(target=target, key_stage="EY")).rewrite


@pytest.mark.parametrize(
    ("target", "lowered"),
    [
        ("Continue to count to 10", "continue to"),
        ("Able to count to 10", "able to"),
        ("Pupil to count to 10", "pupil to"),
    ],
)
def test_a_verb_or_role_before_to_is_no_name_and_loses_its_capital(
    target: str, lowered: str
) -> None:
    assert lowered in check_target(request(target=target, key_stage="EY")).rewrite


@pytest.mark.parametrize(
    "target",
    [
        "To feel ready for secondary school",
        "Be prepared for Year 7",
        "To improve in Design & Technology",
        "Make good progress in science",
    ],
)
def test_readiness_and_progress_in_a_subject_name_no_skill(target: str) -> None:
    assert _specific(target).met is False


def test_progress_with_a_number_is_judged_on_the_number() -> None:
    assert _specific("Improve in reading fluency to 90 words a minute").met is True
