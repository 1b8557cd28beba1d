"""Achievable and relevant: judged against what the PEP knows about the child.

Achievable compares the goal with the baseline (a jump from 60% to 100% attendance in a term
is not a step); relevant asks whether the target answers the child's needs or their own
words. Neither can be judged without that context, so each is null when it is missing.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from spacy.tokens import Doc, Token

from offline_models import sentence_model, spacy_pipeline
from target_coach.areas import areas_in
from target_coach.letter_grades import grades_between, letter_step
from target_coach.measures import Level, levels_in
from target_coach.parsing import parse
from target_coach.refusals import Refusal, lemmas_of, refusal_given
from target_coach.schema import Criterion, TargetCheckRequest
from target_coach.stated_baseline import with_stated_baseline

ABSOLUTE = re.compile(
    r"\b100\s?%|\b(?:always|never|every (?:single )?(?:lesson|day|time)|"
    r"all (?:of )?(?:the )?(?:time|lessons|work)|perfect\w*|no (?:incidents|"
    r"mistakes|errors|lates))\b",
    re.I,
)
REDUCE = re.compile(
    r"\b(?:reduce\w*|fewer|less|lower|down|drop\w*|no more than|decrease\w*)\b", re.I
)
BY_PERCENT = re.compile(r"\bby\s+(\d+)\s?%", re.I)
RELEVANCE_THRESHOLD = 0.40
# A score or share of a skill in a term: writers who never saw the coach accept 32 and 35
# points ("48% to 80%" of the Y3/4 words) and refuse 42 and more ("48% to 90%").
MAX_PERCENT_STEP = 35
# Attendance moves slowly: each day missed before the term is still in the year's figure, and
# a child avoiding school comes back a few days at a time. The policy's own step is 60 to 75.
MAX_ATTENDANCE_STEP = 20
ATTENDANCE = re.compile(r"\battend\w*", re.I)
SCALED = re.compile(r"\b[Ss]caled [Ss]cores?\b|\bSATs?\b|\bsats\b")  # not "sat on the mat"
SCALED_RANGE = 40  # 80 to 120


def _scaled_scores(req: TargetCheckRequest, b: float, g: float) -> bool:
    """Both numbers are KS1/KS2 scaled scores: named so, and between 70 and 120."""
    text = " ".join((req.target, req.outcome, req.context.baseline))
    return bool(SCALED.search(text)) and 70 <= b <= 120 and 70 <= g <= 120


# Catch-up programmes aim at about twice the usual rate: some six months of reading age in a
# term. A year is the most a term's plan can promise without being a hope.
MAX_AGE_GAIN_MONTHS = 12
MAX_GRADE_STEP = 1


# Nouns that name a point on a scale ("Phase 3", "grade 4") or a length of time ("a
# 45-minute lesson"): a number of them is not a count of the noun the phrase goes on to name.
SCALE_NOUNS = {"phase", "stage", "level", "grade", "band", "step", "entry", "tier"}
# Subjects whose GCSE results a baseline lists as bare numbers: "English 3, History 4".
SUBJECT_NOUNS = {
    *("english", "math", "maths", "science", "biology", "chemistry", "physics", "history"),
    *("geography", "french", "spanish", "german", "art", "music", "computing", "literature"),
    *("language", "psychology", "sociology", "business", "drama", "statistics", "re", "pe"),
}
TIME_NOUNS = {"second", "minute", "min", "mins", "hour", "hr", "week", "month"}


def _levels(req: TargetCheckRequest) -> tuple[list[Level], list[Level]]:
    """The level to reach and the level now. The outcome column is where the policy's tables
    state the level; numbers in the target often describe the skill ("numbers to 20",
    "a timed essay in 45 minutes"), so they count only when the outcome names none."""
    goal = _counted(req.outcome) or _counted(req.target)
    base = _counted(req.context.baseline)
    return goal, base


def _counted(text: str) -> list[Level]:
    """The text's levels, each with what it counts, read from the noun it qualifies."""
    levels = levels_in(text)
    if not levels:
        return levels
    doc = parse(text)
    return [replace(level, counts=_what_it_counts(doc, level)) for level in levels]


def _what_it_counts(doc: Doc, level: Level) -> str | None:
    """ "4 letter sounds" counts sounds, "4 of 5 days" days, "Phase 1" is a phase and "45-minute
    lessons" minutes; a percentage is a percentage. None when the parse names no noun."""
    if level.total == 100:
        return "%"
    token: Token | None = next((t for t in doc if t.idx <= level.at < t.idx + len(t)), None)
    if token is not None and token.i > 0 and doc[token.i - 1].lower_ in SCALE_NOUNS:
        return doc[token.i - 1].lower_  # "Grade 7 maths" is a grade, however it parses
    while token is not None and token.dep_ in ("quantmod", "nummod") and token.head.like_num:
        token = token.head if token.head is not token else None  # the 4 of "4 of 5 days"
    if token is None or token.dep_ != "nummod":
        return None
    noun = token.head
    while (
        noun.lemma_.lower() not in SCALE_NOUNS | TIME_NOUNS
        and noun.dep_ == "compound"
        and noun.head.pos_ in ("NOUN", "PROPN")
    ):
        noun = noun.head  # "letter" in "4 letter sounds" names the sounds
    return noun.lemma_.lower() if noun.pos_ in ("NOUN", "PROPN") else None


def _comparable(a: Level, b: Level) -> bool:
    """Two numbers of the same thing: an age with an age, and counts of one noun (or of a noun
    the parse could not name). "4 letter sounds" to "Phase 3", a reading age of 12 to
    reading "5 times a week", or attendance of 68% to counting to 20, is no step at all; a
    percentage compares with a score out of something, as its share."""
    if a.age or b.age:
        return a.age and b.age
    if "grade" in (a.counts, b.counts) and {a.counts, b.counts} - {"grade"} <= SUBJECT_NOUNS:
        return True  # "History 4" in a mock's results is the grade "Grade 6 in History" aims at
    if (a.counts == "%") != (b.counts == "%") and not (a.total and b.total):
        return False  # "count to 20" is no step from "attendance 68%"
    return a.counts is None or b.counts is None or a.counts == b.counts


def _on_one_scale(start: Level, end: Level) -> tuple[float, float, float | None]:
    """Both levels as numbers that compare, and the total they are out of. Scores out of the
    same total compare as they stand ("2 out of 10" to "9 out of 10" is 2 to 9); out of
    different totals, as percentages (6 out of 10 is 60%); otherwise as written."""
    if start.total and end.total and start.total != end.total:
        return start.as_percent(), end.as_percent(), 100.0
    total = start.total if start.total == end.total else None
    return start.value, end.value, total


def _step(b: float, g: float, total: float | None) -> str:
    """ "From 3 to 8 out of 10": the step in the words the teacher used."""
    if total == 100:
        return f"From {b:g}% to {g:g}%"
    return f"From {b:g} to {g:g}" + (f" out of {total:g}" if total else "")


def _same_scale(base: list[Level], end: Level) -> list[Level]:
    """The baseline's levels on the goal's scale when it has any: "8/25 on the practice check,
    secure on 2, 5 and 10" starts at 8 out of 25, not at the 10 times table."""
    same = [
        level
        for level in base
        if (end.age and level.age)
        or (end.total is not None and level.total == end.total)
        or (end.counts is not None and level.counts == end.counts)
    ]
    return same or base


def achievable(req: TargetCheckRequest) -> Criterion:
    req = with_stated_baseline(req)
    baseline = req.context.baseline.strip()
    if not baseline:
        return Criterion(met=None, reason="not judgeable without a baseline")
    absolute = ABSOLUTE.search(" ".join((req.target, req.outcome)))
    if absolute:
        return Criterion(
            met=False,
            reason=f"\u201c{absolute.group(0)}\u201d leaves no room for "
            "an ordinary bad day; set a step up from the baseline.",
            evidence=[absolute.group(0)],
        )
    letters = letter_step(" ".join((req.target, req.outcome)), baseline)
    if letters:
        return _letter_grade_step(*letters, baseline)
    goal, base = _levels(req)
    if goal and base and not any(_comparable(g, b) for g in goal for b in base):
        return Criterion(
            met=True,
            reason="The baseline gives no number of what the target counts; give both "
            "as numbers of the same thing to judge the size of the step.",
            evidence=[baseline[:80]],
        )
    goal = [level for level in goal if any(_comparable(level, start) for start in base)]
    if not goal:
        return Criterion(
            met=True,
            reason="The target builds on the baseline given; give both "
            "as numbers to judge the size of the step.",
            evidence=[baseline[:80]],
        )
    return _step_from_baseline(req, goal, base, baseline)


def _letter_grade_step(start: str, end: str, baseline: str) -> Criterion:
    """A level letters move as GCSE numbers do: one grade by the next assessment is a
    stretch; "from a D to an A*" in a term is a hope."""
    step = grades_between(start, end)
    if step > MAX_GRADE_STEP:
        reason = f"From {start} to {end} is {step} grades in one term, a big jump; set a step "
        reason += "the student can reach by the review."
    elif step <= 0:
        reason = f"The baseline already shows {start}: set the next step up from it."
    else:
        reason = f"From {start} to {end} is a realistic step from the baseline."
    return Criterion(met=step <= MAX_GRADE_STEP, reason=reason, evidence=[baseline[:80]])


def _exam_grades(start: Level, end: Level) -> bool:
    """Both numbers on the 1 to 9 GCSE scale: the goal named as a grade, the start a bare
    number or a grade ("Combined Science 4-4", "grade 3 in the November mock")."""
    return (
        end.counts == "grade"
        and (start.counts in (None, "grade") or start.counts in SUBJECT_NOUNS)
        and start.total is None
        and end.total is None
        and 1 <= start.value <= 9
        and 1 <= end.value <= 9
    )


def _step_from_baseline(
    req: TargetCheckRequest, goal: list[Level], base: list[Level], baseline: str
) -> Criterion:
    """Whether the step from the baseline's level to the goal's can be taken in a term."""
    goal_text = " ".join((req.target, req.outcome))
    reduce = REDUCE.search(goal_text)
    end = (min if reduce else max)(goal, key=lambda level: level.value)
    comparable = [level for level in base if _comparable(level, end)]
    start = max(_same_scale(comparable, end), key=lambda level: level.value)
    b, g, total = _on_one_scale(start, end)
    if start.age and end.age:
        months = round((g - b) * 12)
        return Criterion(
            met=months <= MAX_AGE_GAIN_MONTHS,
            reason=f"A reading age {months} months on "
            + (
                "is a realistic step from the baseline."
                if months <= MAX_AGE_GAIN_MONTHS
                else "in one term is a big jump; set a step the child can reach by the review."
            ),
            evidence=[baseline[:80]],
        )
    if reduce or (g == 0 < b):  # "0 suspensions" is fewer, whether or not it says so
        by = BY_PERCENT.search(goal_text)
        ratio = 1 - float(by.group(1)) / 100 if by else (g / b if b else 1.0)
        g = b * ratio
        too_big = ratio < 0.15 and b > 1  # from one to none is the only step there is
    elif _exam_grades(start, end):
        # GCSE grades 1 to 9: one grade by the next exams is a stretch every writer accepts;
        # two or more ("grade 4 to 6", "2 to 5") is not, unless the review is years away.
        too_big = g - b > MAX_GRADE_STEP
    elif _scaled_scores(req, b, g):
        # KS1 and KS2 scaled scores run from 80 to 120 (100 the expected standard): a step is
        # a share of that range, so 84 to 100 is two fifths of it, not a fifth more than 84.
        too_big = (g - b) / SCALED_RANGE * 100 > MAX_PERCENT_STEP
    else:
        percent = total == 100 or "%" in req.context.baseline or "%" in goal_text
        limit = MAX_ATTENDANCE_STEP if ATTENDANCE.search(goal_text) else MAX_PERCENT_STEP
        too_big = (g - b > limit) if percent else (b > 0 and g / b > 2.5) or (b == 0 and g > 10)
    if too_big:
        return Criterion(
            met=False,
            reason=f"{_step(b, g, total)} in one term is a big jump; "
            "set a step the child can reach by the review.",
            evidence=[baseline[:80]],
        )
    if total and g >= total > 1 and not reduce:  # 25/25: like 100%, no ordinary bad day
        return Criterion(
            met=False,
            reason=f"Full marks ({g:g} out of {total:g}) leaves no room for an ordinary bad "
            "day; set a step up from the baseline.",
            evidence=[baseline[:80]],
        )
    if g == b and not reduce:
        return Criterion(
            met=True,
            reason=f"The baseline already shows {g:g}: set the next step up from it, or say "
            "what will be new.",
            evidence=[baseline[:80]],
        )
    return Criterion(
        met=True,
        reason=f"{_step(b, g, total)} is a realistic step from the baseline.",
        evidence=[baseline[:80]],
    )


# Words of the calendar link nothing: "times tables" does not answer "anxiety at unstructured
# times", nor "each week" a need met "every week".
CALENDAR_WORDS = {"time", "day", "week", "month", "term", "year"}


def _lemmas(text: str) -> set[str]:
    doc = spacy_pipeline()(text.lower())  # holds the child's words: parsed, never cached
    return {
        t.lemma_
        for t in doc
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
        and not t.is_stop
        and len(t.lemma_) > 2
        and t.lemma_ not in CALENDAR_WORDS
    }


def relevant(req: TargetCheckRequest) -> Criterion:
    sources = [n for n in req.context.needs if n.strip()]
    refusal = _help_turned_down(req)
    if req.context.child_views.strip() and refusal is None:
        sources.append(req.context.child_views)
    if sources and _closes_a_gap(req):
        # the PEP's own data names a need too: a reading score of 18/50 when the target is 26
        sources.append(req.context.baseline)
    if not sources:
        if refusal is not None:
            return Criterion(met=False, reason=_against(refusal), evidence=[refusal.said[:80]])
        return Criterion(met=None, reason="not judgeable without the child's needs or views")
    judged = _linked(req, sources)
    if refusal is not None:
        judged = judged.model_copy(update={"reason": f"{judged.reason} {_against(refusal)}"})
    return judged


def _closes_a_gap(req: TargetCheckRequest) -> bool:
    """The target moves a number the baseline gives, the way the target says: "18/50 now" and
    "at least 26/50", "84% attendance" and "95%". A baseline already at the goal is no gap."""
    goal, base = _levels(req)
    fewer = bool(REDUCE.search(" ".join((req.target, req.outcome))))
    for g in goal:
        for b in base:
            if not _comparable(g, b) or g.age != b.age:
                continue
            gv, bv = (g.as_percent(), b.as_percent()) if g.total and b.total else (g.value, b.value)
            if (gv < bv) if fewer else (gv > bv):
                return True
    return False


def _help_turned_down(req: TargetCheckRequest) -> Refusal | None:
    """Help the row gives that the child said they do not want or need."""
    row = " ".join((req.target, req.action, req.outcome))
    return refusal_given(req.context.child_views, lemmas_of(row))


def _against(refusal: Refusal) -> str:
    return (
        f"It {refusal.verb} {refusal.words}, which the child said they do not want or need: "
        f"\u201c{refusal.said[:80]}\u201d. "
        "Agree the help with them, or say which need it answers."
    )


def _linked(req: TargetCheckRequest, sources: list[str]) -> Criterion:
    """Whether the target answers one of the sources, by meaning, shared words or area."""
    text = " ".join((req.target, req.outcome))
    model = sentence_model()
    vectors = np.asarray(model.encode([text, *sources], normalize_embeddings=True))
    scores = vectors[1:] @ vectors[0]
    best = int(np.argmax(scores))
    shared = _lemmas(text) & _lemmas(" ".join(sources))
    areas = {a for source in sources for a in areas_in(source)} & areas_in(
        " ".join((req.target, req.action, req.outcome))
    )
    if scores[best] >= RELEVANCE_THRESHOLD or shared or areas:
        if areas and scores[best] < RELEVANCE_THRESHOLD and not shared:
            best = next(i for i, s in enumerate(sources) if areas_in(s) & areas)
        source = sources[best]
        label = (
            "the child's views"
            if source == req.context.child_views
            else "the gap the baseline shows"
            if source == req.context.baseline
            else "a need"
        )
        return Criterion(
            met=True,
            reason=f"It answers {label}: \u201c{source[:80]}\u201d.",
            evidence=[source[:80], *sorted(shared | areas)[:3]],
        )
    return Criterion(
        met=False,
        reason="It does not link to the needs or the views given; say which need it answers.",
    )
