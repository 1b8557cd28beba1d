"""General aims, and help written as if it were the target: what a target's words must not be.

The specific test reads the parse for a named skill, knowledge or behaviour; before that, these
lists and patterns catch what parses like one and is not: a subject or a quality on its own
("confidence", "good progress"), a direction on a broad area ("Reduce exclusions", "Attend
college more"), and the help the child will get ("access a range of strategies"), which the
policy's table keeps in its How column.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc, Token

from target_coach.words import opens_with_a_name

GENERIC = {
    # which course or job: "apply for apprenticeships" is an aim; "for 3 plumbing ones" a target
    *("apprenticeship", "experience", "course", "job", "placement", "activity"),
    "maths",
    "math",
    "mathematic",
    "mathematics",
    "english",
    "reading",
    "writing",
    "science",
    "school",
    "work",
    "learning",
    "behaviour",
    "behavior",
    "confidence",
    "skill",
    "progress",
    "attainment",
    "grade",
    "friend",
    "friendship",
    "thing",
    "stuff",
    "effort",
    "focus",
    "concentration",
    "self",
    "esteem",
    "wellbeing",
    "literacy",
    "numeracy",
    "subject",
    "lesson",
    "education",
    "level",
    "performance",
    "attitude",
    "target",
    "area",
    "life",
    "way",
    "lot",
    "bit",
    "time",
    "student",
    "pupil",
    "child",
    "person",
    "class",
    "he",
    "she",
    "they",
    "it",
    "i",
    "we",
    "you",
    "happiness",
    "engagement",
    "independence",
    "resilience",
    "people",
    "other",
    "others",
    "everyone",
    "everybody",
    "job",
    "qualification",
    "help",
    # abstract aims: no stranger could watch a child do these
    "support",
    "study",
    "potential",
    "learner",
    "employability",
    "success",
    "ability",
    "achievement",
    "development",
    "need",
    "opportunity",
    "setting",
}
# Praise words: "good progress" and "a confident learner" name no more than "progress" does.
EVALUATIVE = {
    "good",
    "better",
    "best",
    "great",
    "positive",
    "confident",
    "successful",
    "strong",
    "high",
    "overall",
    "general",
    "full",
    "whole",
    "own",
    "right",
    "appropriate",
    "excellent",
    "consistent",
    "effective",
    "improved",
    "real",
}
# Who will, as a target opens: "To ...", "I will ...", "Amira will ...", "Sam to ...".
_OPENING = (
    r"^\s*(?:to\s+|(?:i|[^\W\d_][\w'-]*)\s+(?:will|to|wants?\s+to|would\s+like\s+to)\s+|i'll\s+)?"
)
VAGUE_PHRASES = re.compile(
    _OPENING + r"(?:get|be|become|do|try|work|feel|make)\s+(?:better|good|well|harder|"
    r"happier|more|nicer|friends?)\b|"
    + _OPENING
    # "try her best in all lessons": effort, and nothing a stranger could see done
    + r"(?:try|do)\s+(?:his|her|their|my)\s+(?:very\s+)?(?:best|hardest)\b(?![^.]*\d)|"
    + _OPENING
    + r"(?:improv(?:e|ed|ing)|develop(?:ed|ing)?|"
    r"increas(?:e|ed)|build|boost|work on)\s+(?:(?:his|her|their|my|overall|general|the|"
    r"\w+'s)\s+)?(?:\w+\s+)?(?:behaviou?r|personal,?\s+social,?\s+(?:and\s+)?emotional\s+"
    r"development|psed|functional\s+skills(?:\s+(?:english|maths))?|"
    r"confidence|maths?|english|reading|writing|learning|progress|attainment|self[- ]esteem|"
    r"wellbeing|skills|effort|focus|attitude|engagement|resilience|independence|science|speech|"
    r"language|communication|social skills|concentration|self[- ]?confidence|motivation|"
    r"spelling|handwriting|phonics|punctuation|grammar|vocabulary|literacy|numeracy|"
    r"punctuality)"
    # the help it will come with adds no skill: "improve his spelling using strategies from..."
    r"(?:\s+(?:using|with|through)\b(?![^.]*\d)[^.]*)?"
    r"\s*\.?\s*$|" + _OPENING + r"(?:make friends|be good|behave|settle|be happy|be kind)\b"
    # "settle ... without becoming distressed", "within 10 minutes": what settling looks like
    r"(?![^.]*\b(?:without|within|in\s+under|after\s+\d+)\b)"
    r"|" + _OPENING + r"feel\s+less\b"
    # "Continue to work towards college application": towards what, by which step, is unsaid
    r"|" + _OPENING + r"(?:continue\s+to\s+)?work(?:ing)?\s+towards?\s+[^\d:;.]{1,60}?\s*\.?\s*$"
    # "To improve in Design & Technology", "make progress in science": a subject, no skill
    r"|" + _OPENING + r"(?:improve|make\s+(?:good\s+|better\s+)?progress|do\s+better)\s+"
    r"(?:in|at|with)\s+[^\d.;]{1,40}?\s*\.?\s*$",
    re.I,
)
# A direction on a broad area, and nothing more: "Reduce exclusions", "Attendance to improve",
# "Gain work experience", "Work on resilience and coping strategies". Which behaviour, which
# skill, is left unsaid; a level to reach ("to 95%") or a behaviour makes the target longer than
# the whole-target match below.
_AREA = (
    r"(?:attendance|punctuality|lateness|lates|absences?|exclusions?|suspensions?|detentions?|"
    r"sanctions?|incidents?|behaviou?r(?:\s+points)?|experience|resilience|strategies|skills|"
    r"confidence|organisation|independence|wellbeing|engagement|self[- ]esteem|regulation|"
    r"communication|language|friendships?|relationships?|homework|progress|attainment|grades|"
    r"results|needs|handwriting|emotions|reading\s+age|ftes?|fixed[- ]term\s+exclusions?)"
)
_BROAD = rf"(?:(?:[^\W\d_]+\s+){{0,2}}{_AREA})"  # words, never a number
# Who with, or where, adds no behaviour: "positive relationships with peers and staff",
# "his emotions in lessons" are as broad as "relationships" and "emotions".
_PEOPLE = r"(?:peers?|staff|adults?|teachers?|carers?|others|friends|classmates|children|family)"
_WITH_WHOM = (
    rf"(?:\s+(?:with|towards?)\s+(?:(?:his|her|their|my|the|other)\s+)?{_PEOPLE}"
    rf"(?:\s*(?:,|and|&)\s*(?:(?:his|her|their|my|the|other)\s+)?{_PEOPLE})*)?"
    r"(?:\s+(?:in|at|around)\s+(?:lessons|class|school|college|home|nursery))?"
)
# Aims about a feeling, a future or finding out: "develop a love of reading", "be ready for
# adult life", "look into apprenticeships". No stranger could watch a child do them.
_FEELING_AIM = (
    r"(?:develop|foster|build|gain|have|show|grow)\s+(?:a\s+|an\s+)?(?:(?:real|genuine)\s+)?"
    r"(?:love|enjoyment|interest|passion|curiosity|pride)\s+(?:of|for|in)\s+(?:\w+\s*){1,2}"
)
_FUTURE_AIM = (
    r"(?:be|get|feel)\s+(?:more\s+)?(?:ready|prepared)\s+for\s+(?:(?:adult|independent|"
    r"working|the|his|her|their|my)\s+)?(?:life|living|adulthood|future|work|independence|"
    r"secondary(?:\s+school)?|high\s+school|college|sixth\s+form|(?:the\s+)?move|transition|"
    r"(?:year|y)\s?\d{1,2})"
)
_FINDING_OUT = (
    r"(?:look\s+into|find\s+out\s+about|explore|research|think\s+about|consider)\s+"
    r"(?:(?:his|her|their|my|the|some|different|possible|future)\s+)?(?:\w+\s+)?"
    r"(?:options|apprenticeships?|careers?|courses?|jobs?|college|colleges|pathways?|"
    r"universit(?:y|ies)|training)"
    r"|(?:think\s+about|consider|explore|decide)\s+what\s+(?:he|she|they|i)\s+"
    r"(?:wants?|would\s+like)\s+to\s+do"
)
# The child's wish for their future written as the target: "Jayden wants to be a footballer",
# "I would like to become a vet". It belongs in their views; the target is a step towards it.
WISH_AS_TARGET = re.compile(
    r"^\s*(?:i|[^\W\d_][\w'-]*)\s+(?:wants?|would\s+like|hopes?|wish(?:es)?|dreams?(?:\s+of)?)"
    r"\s+(?:to\s+)?(?:be|become|becoming)\s+an?\s+(?:(?!\b(?:but|so|and|because)\b)[^.;:!\u2013-])"
    r"{1,60}[.!]?\s*$",
    re.I,
)
BROAD_AIMS = re.compile(
    _OPENING + r"(?:"
    rf"(?:improve|increase|reduce|decrease|lower|raise|gain|get|work\s+on|develop|build|boost|"
    rf"manage|maintain)\s+(?:(?:the|his|her|their|my)\s+)?(?:(?:number|amount|level)\s+of\s+)?"
    rf"{_BROAD}(?:\s*(?:,|and|&)\s*{_BROAD})*{_WITH_WHOM}"
    rf"|{_FEELING_AIM}|{_FUTURE_AIM}|{_FINDING_OUT}"
    rf"|{_AREA}\s+(?:to|will|should)\s+(?:improve|increase|reduce|get\s+better|be\s+better|"
    rf"go\s+(?:up|down))"
    rf"|attend\s+(?:school|college|lessons|classes|sessions)\s+(?:more(?:\s+often)?|better|"
    rf"more\s+regularly)"
    rf"|revise\s+for\s+(?:(?:his|her|their|my|the)\s+)?(?:\w+\s+)?(?:mocks?|exams?|tests?)"
    # "get into EET", "go back into education": which course, job or training is left unsaid
    rf"|(?:get|go|be)\s+(?:back\s+)?(?:into|in)\s+(?:eet|education,?\s+employment,?\s+(?:or|and|/)\s+"
    rf"training|education|employment|work|training)"
    # "engage with AP", "engage in education": in what way, and how often, is left unsaid
    # (engaging with help, "with interventions", is the help named as a target, below)
    rf"|engage\s+(?:(?:well|fully|more|better|positively)\s+)?(?:with|in)\s+"
    rf"(?!(?:the\s+|his\s+|her\s+|their\s+|my\s+)?(?:interventions?|support|help|sessions?|"
    rf"tuition|tutor\w*|mentor\w*|counsell\w*|therapy|groups?)\b)[^\d.;]{{1,60}}?"
    rf")\s*\.?\s*$",
    re.I,
)
# Being where the learning is, said so a stranger could check it: "attend every lesson on
# time", "stay in class for the whole lesson", "be on time for registration". The words after
# the verb may only say where and when; "attend lessons more" (a broad aim, above) and "be happy
# in every lesson" (a feeling) say neither which lessons nor how long, so they do not count.
_WHERE = (
    r"(?:in|at|to|for|on|of|the|his|her|their|my|a|throughout|until|end|time|every|each|all|"
    r"whole|entire|full|school|college|nursery|morning|afternoon|day|week|lessons?|class(?:room)?|"
    r"classes|registration|sessions?|form|tutor|periods?|assembl(?:y|ies)|lectures?)"
)
_PRESENCE = re.compile(
    rf"\b(?:attend|arriv|stay|remain|sit|go|goe|come|be)(?:s|e|es|ed|ing)?\b((?:\s+{_WHERE})+)\b",
    re.I,
)
_HOW_LONG = re.compile(
    r"\b(?:every|each|all|whole|entire|full)\s+(?:(?:of\s+)?(?:his|her|their|my|the)\s+)?"
    r"(?:(?:school|morning|afternoon|form|tutor)\s+)?"
    r"(?:day|morning|afternoon|week|lessons?|class(?:es)?|registration|sessions?|periods?|"
    r"assembl(?:y|ies)|lectures?|time)\b|\bon time\b",
    re.I,
)


def presence_named(text: str) -> str | None:
    """The words that say which lessons or days the child will be in, and for how long."""
    for match in _PRESENCE.finditer(text):
        if _HOW_LONG.search(match.group(1)):
            return match.group(0).strip()
    return None


# Help the child will get, named as if it were the target: "access a range of strategies",
# "engage with interventions", "have swimming lessons". The policy's table keeps the help in
# its own column (How); the target says what the child will be able to do.
HELP_VERBS = {"access", "engage", "receive", "have", "participate", "take"}
PROVISION = {
    *("intervention", "strategy", "support", "session", "lesson", "tutoring", "tuition"),
    *("mentoring", "therapy", "counselling", "programme", "program", "group", "activity"),
    *("club", "provision", "resource", "service", "help", "part"),
}
QUANTITY = {"range", "variety", "number", "lot", "set", "mix"}
VAGUE_VERBS = {
    "be",
    "get",
    "do",
    "try",
    "make",
    "become",
    "feel",
    "improve",
    "develop",
    "work",
    "increase",
    "build",
    "boost",
    "have",
    "continue",
    "keep",
    "ensure",
    "help",
    "support",
    "receive",
    "achieve",
    "need",
    "succeed",
    "engage",
    "progress",
    "enhance",
    "strengthen",
}


# What PP+ buys, named with no verb as the whole target: "Laptop with magnifier software",
# "1:1 reading tutor twice a week (PP+)", "Keyboard lessons paid for from PP+".
BOUGHT = {
    *("laptop", "ipad", "tablet", "software", "headphones", "equipment", "resource", "tutor"),
    *("tutoring", "tuition", "lesson", "session", "mentor", "mentoring", "club", "trip"),
    *("programme", "intervention", "course", "uniform", "kit", "membership", "place"),
}


def _spending_named(doc: Doc) -> str | None:
    """A target that is only a purchase: no verb of the child's, and PP+ or a thing bought."""
    own_verbs = [
        t
        for t in doc
        if t.pos_ in ("VERB", "AUX")
        and t.dep_ not in ("acl", "amod")
        and not (t.tag_ == "VBG" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "NOUN")
    ]  # "paid for from PP+" and the "reading" of "reading tutor" are not the child's verbs
    if own_verbs:
        return None
    bought = "PP+" in doc.text or any(t.lemma_.lower() in BOUGHT for t in doc if t.dep_ == "ROOT")
    return doc.text.strip().rstrip(".") if bought else None


def help_named_as_target(doc: Doc) -> str | None:
    """The help named when the target's first verb is getting it ("access ... strategies"), or
    when the target is only what PP+ buys."""
    spending = _spending_named(doc)
    if spending:
        return spending
    # the parser takes a name heading the target ("Harvey to have ...") for a verb
    verb = next(
        (
            t
            for t in doc
            if t.pos_ == "VERB" and (t.lemma_.lower() in HELP_VERBS or not opens_with_a_name(t))
        ),
        None,
    )
    while verb is not None and verb.lemma_.lower() in ("continue", "keep", "start", "begin"):
        # "continue to access counselling": the help is what is continued
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() not in HELP_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    for obj in objects:
        if obj.lemma_.lower() in QUANTITY:  # "a range of strategies": the strategies
            obj = next((g for c in obj.children if c.dep_ == "prep" for g in c.children), obj)
        if obj.lemma_.lower() in PROVISION and obj.lemma_.lower() != "part":
            return doc[verb.i : obj.i + 1].text
        if obj.lemma_.lower() == "part":  # "take part in ELSA sessions"
            inner = [g for c in verb.children if c.dep_ == "prep" for g in c.children]
            if any(g.lemma_.lower() in PROVISION for g in inner):
                return doc[verb.i : max(g.i for g in inner) + 1].text
    return None


# The adults who act on a plan, as DTs write them at the head of a target.
_ADULTS = (
    r"key ?person|key ?worker|dt|designated teacher|school|senco|sendco|hlta|ta|"
    r"teaching assistant|(?:class |form )?teacher|(?:form |personal |college |group )?tutor|"
    r"(?:foster )?carers?|"
    r"social worker|sw|virtual school|vs|college|staff|ep|camhs|head of year|hoy|"
    r"(?:learning )?mentor|pa|personal adviser|nursery|setting|sixth form|academy|"
    # The services a SEND plan names: "SALT to assess", "OT to review the sensory diet".
    r"salt|slt|speech and language(?: therapy| therapist| service)?|ot|occupational therapy|"
    r"physio|health visitor|paediatrician|gp|teacher of the deaf|tod|qtvi|caseworker|"
    # Any named post: "Virtual school post-16 officer", "careers adviser", "attendance lead".
    r"(?:[\w-]+\s+){0,3}(?:officer|advis[eo]r|worker|lead|co-?ordinator|manager|nurse|"
    r"psychologist|therapist|headteacher|head teacher|team)"
)
ADULT_TASK = re.compile(
    rf"^\s*(?:(?:the|his|her|their)\s+)?(?:{_ADULTS})\s+(?:to|will)\s+\w+", re.I
)


# The adults' paperwork in the passive: "Annual review of EHCP to be held", "Referral to CAMHS
# to be made", "Transition meeting to be arranged". Nothing in it is the child's to do.
ADULT_PROCESS = re.compile(
    r"^\s*(?:(?:the|an?|his|her|their)\s+)?(?:(?:annual|initial|statutory|transition|"
    r"interim|emergency|multi-agency|tac|team around the child)\s+)?"
    r"(?:review|referral|meeting|ehcp|ehc\s*plan|ehc\s+needs\s+assessment|paperwork|funding|"
    r"application\s+for\s+(?:funding|an?\s+ehcp|ehcp|top[- ]up)|risk\s+assessment|"
    r"pep|care\s+plan|request|"
    # the help in the passive: "OT sensory diet to be followed", "SALT programme to be delivered"
    r"(?:(?:ot|salt|slt|physio|therapy|sensory|speech and language)\s+)*(?:sensory\s+diet|"
    r"programme|provision|interventions?|strategies|therapy))\b[^.;]{0,60}?"
    r"\bto\s+be\s+(?:\w+ed|held|made|done|sent|set\s+up|given|"
    r"written|put\s+in\s+place|chased|sought)\b",
    re.I,
)


# "Help Lauren manage...", "Support him to...": the adults' part, with the child as its object.
# "Continue to support Chloe..." is the same task carried on; "Ongoing support from the college
# mentor" names the help and who gives it, and nothing the young person will do.
ADULTS_HELP = re.compile(
    r"^\s*(?:(?:[Cc]ontinue|[Cc]arry on|[Kk]eep)\s+(?:to\s+)?)?(?:[Tt]o\s+)?(?:[Hh]elp|[Ss]upport|"
    r"[Ee]ncourage|[Ee]nable)\s+"
    r"(?:(?!Year\b|Reception\b|Key\b|KS)[A-Z][\w'-]+|him|her|them|the (?:child|young person|"
    r"pupil|student))(?:\s+to)?(?:\s+\w+)?"
    rf"|^\s*(?:(?:[Oo]ngoing|[Cc]ontinued|[Cc]ontinuing|[Rr]egular|[Ww]eekly|[Aa]dditional|[Ee]xtra)"
    rf"\s+)?(?:[Ss]upport|[Hh]elp|[Mm]entoring)\s+from\s+(?:(?:the|his|her|their|a)\s+)?"
    rf"(?i:{_ADULTS})\b"
)


# The child's part named after the adults': "... so she can compare and order fractions".
CHILD_WILL = re.compile(
    r"\bso(?: that)? (?:he|she|they|[A-Z][\w'-]+) (?:can|will|is able to|are able to)\b"
)


def adult_task_named(text: str) -> str | None:
    """ "DT to request records...", "School to provide a tutor", "Help Lauren manage...": a task
    for the adults, which belongs under How and Who; the target says what the child will be
    able to do."""
    found = ADULT_TASK.match(text) or ADULTS_HELP.match(text) or ADULT_PROCESS.match(text)
    if found is None or CHILD_WILL.search(text):
        return None  # "Tutor to work with Zainab ... so she can compare fractions" names it
    return found.group(0).strip()


def _bundled_verbs(doc: Doc) -> list[Token]:
    joined = [
        t
        for t in doc
        if t.pos_ in ("VERB", "AUX") and t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX")
    ]
    return [joined[0].head, *joined] if len(joined) >= 3 else []


def bundled_aims(doc: Doc) -> list[str]:
    """The verbs of a target that strings four or more aims together with "and": each needs
    its own row to be measured and reviewed. Two or three ("close the gaps and sit and pass
    the exam") are one aim's steps."""
    return [t.text for t in _bundled_verbs(doc)]


_JOINING = {"and", "to", ",", "&", "also", "then", "."}


def first_aims(doc: Doc, count: int = 2) -> list[str]:
    """The words of the first aims of a bundled target ("count to 20", "write her name"), to
    show the teacher where one target ends and the next begins."""
    verbs = sorted(_bundled_verbs(doc), key=lambda t: t.i)
    aims = []
    for verb, following in pairwise(verbs):
        words = list(doc[verb.i : following.i])
        while words and words[-1].lower_ in _JOINING:
            words.pop()
        aims.append(doc[verb.i : verb.i + len(words)].text)
    return aims[:count]
