"""Areas of need a PEP target commonly answers, with the words that signal each.

MiniLM alone is weak at matching a short need ("fine motor") to a target ("hold a pencil with
a tripod grip"); this small, reviewable table carries the domain knowledge an experienced
virtual-school officer brings.
"""

from __future__ import annotations

import re

AREAS: dict[str, str] = {
    "reading": r"read\w*|phonics|books?|fluency|comprehension|decod\w*|words? on sight|"
    r"common exception|lexia|dyslexi\w*|literacy|sounds",
    "writing": r"writ\w*|handwriting|spell\w*|spag|grammar|punctuation|full stops?|capital|"
    r"sentences?|paragraphs?|essays?|peel|letters? (?:formation|correctly)|dyslexi\w*|"
    r"form (?:lower|upper)",
    "fine_motor": r"fine motor|pencil|grip|scissors|buttons?|tweezers|playdough|dressing|"
    r"letter formation|form \w+ letters",
    "maths": r"maths?|number\w*|count\w*|times tables?|multiplication|division|fractions?|"
    r"addition|subtraction|place value|shapes?|geometry|algebra|numeracy|sums",
    "english_lit": r"english|literature|poems?|poetry|quot\w*|set text|jekyll|language paper",
    "science": r"science|practicals?|biology|chemistry|physics",
    "attendance": r"attend\w*|punctual\w*|late\w*|on time|registration|absence\w*|register|"
    r"ebsa|school avoid\w*|school refus\w*|emotionally based",
    "behaviour": r"behaviou?r\w*|behav(?:e|es|ed|ing)|shout\w*|walk\w* out|calm\w*|regulat\w*|"
    r"anger|angry|time-out|detentions?|exclusions?|incidents?|points|suspen\w*|ftes?|"
    r"fixed[- ]term|semh|snatch\w*|hitting|kicking|fight\w*",
    "emotional": r"anxi\w*|worr\w*|stress\w*|counsell\w*|elsa|feelings?|emotion\w*|settle\w*|"
    r"separat\w*|confiden\w*|nurture|wellbeing|self-esteem|semh|ebsa|attachment|trauma\w*|"
    r"low mood",
    "social": r"friend\w*|social\w*|isolat\w*|lunchtime|clubs?|group|turns?|play\w*|peers?|"
    r"lonely|no one to play|shar(?:e|es|ed|ing)|snatch\w*",
    "communication": r"speech|language|talk\w*|phrases?|words to|makaton|signs?|communicat\w*|"
    r"ask for help|vocabulary",
    "attention": r"attention|adhd|focus\w*|concentrat\w*|stay\w* at|seated|movement breaks?|"
    r"sit still",
    "independence": r"independen\w*|budget\w*|money|bank|cook\w*|meals?|flat|living|travel|"
    r"self-care|coat|shoes|dress\w*|on my own|by himself|by herself",
    "careers": r"college|apprenticeship|job|work|career\w*|cv|applications?|neet|mechanics?|"
    r"bricklay\w*|construction|course|employ\w*|traineeships?|prince'?s trust|"
    r"work experience",
    "exams": r"exams?|mocks?|revis\w*|gcse|past papers?|grades?|coursework|assessments?|"
    r"assignments?|unit|btec|functional skills|qualification",
}
COMPILED = {area: re.compile(rf"\b(?:{pattern})\b", re.I) for area, pattern in AREAS.items()}


def areas_in(text: str) -> set[str]:
    return {area for area, pattern in COMPILED.items() if pattern.search(text)}
