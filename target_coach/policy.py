"""The PP+ rules and the rules for a whole term's set of targets, from the seeds."""

from __future__ import annotations

import re

from target_coach.schema import PolicyFinding, TargetCheckRequest

TRANSPORT = re.compile(
    r"\b(?:taxi|taxis|bus pass|bus fares?|travel|transport|fares?|petrol|"
    r"mileage|train tickets?|lifts? to|car|minibus|escort to school)\b",
    re.I,
)
CLOTHING = re.compile(
    r"\b(?:uniform|shoes|clothes|clothing|coat|blazer|pe kit|trainers|"
    r"boots|tie)\b",
    re.I,
)
ADMIN = re.compile(
    r"\b(?:admin|administration|administrative|photocopy\w*|printing costs|"
    r"paperwork|office|cover for (?:the )?(?:pep|meeting)|attending the pep|"
    r"report writing|staff cover)\b",
    re.I,
)
COST = re.compile(r"£\s?\d|\b\d+(?:\.\d{2})?\s?(?:pounds|gbp)\b", re.I)
NONE = re.compile(r"^\s*(?:none|n/?a|nil|no|not needed|none needed|-)\b", re.I)
ACADEMIC = re.compile(
    r"\b(?:read\w*|writ\w*|spell\w*|phonics|maths?|numeracy|literacy|english|"
    r"science|history|geography|gcse|grade|subject|times tables?|fractions|"
    r"algebra|sats?|assessment|exam|course|functional skills|homework|"
    r"vocabulary|handwriting|counting|number|sums|coursework|assignment|"
    r"qualification|unit|level \d)\b",
    re.I,
)
MAX_TARGETS = 4


def ppp_findings(req: TargetCheckRequest) -> list[PolicyFinding]:
    ppp = req.ppp.strip()
    if not ppp or NONE.match(ppp):
        return []
    found = []
    if TRANSPORT.search(ppp):
        found.append(
            PolicyFinding(
                rule="ppp_not_for_transport",
                message="PP+ may not pay for transport; the placing authority meets travel costs.",
            )
        )
    if CLOTHING.search(ppp):
        found.append(
            PolicyFinding(
                rule="ppp_not_for_clothing",
                message="PP+ may not pay for "
                "uniform or clothing; that comes from the care allowance.",
            )
        )
    if ADMIN.search(ppp):
        found.append(
            PolicyFinding(
                rule="ppp_not_for_administration",
                message="PP+ may not pay for administration; it must go on the child's learning.",
            )
        )
    if not COST.search(ppp):
        found.append(
            PolicyFinding(
                rule="ppp_not_costed",
                message="Cost the PP+ request, for example 10 x 1 hour tuition at £30 = £300.",
            )
        )
    return found


def is_academic(req: TargetCheckRequest) -> bool:
    return bool(ACADEMIC.search(" ".join((req.target, req.outcome, req.action))))


def set_findings(requests: list[TargetCheckRequest]) -> list[PolicyFinding]:
    found = []
    if len(requests) > MAX_TARGETS:
        found.append(
            PolicyFinding(
                rule="too_many_targets",
                message=f"{len(requests)} targets: "
                f"the policy allows no more than {MAX_TARGETS} a term.",
            )
        )
    if requests and not any(is_academic(r) for r in requests):
        found.append(
            PolicyFinding(
                rule="no_academic_target", message="Include at least one academic target."
            )
        )
    return found
