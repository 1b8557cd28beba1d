"""Areas of need a PEP target commonly answers, with the words that signal each.

MiniLM alone is weak at matching a short need ("fine motor") to a target ("hold a pencil with
a tripod grip"); this small, reviewable table carries the domain knowledge an experienced
virtual-school officer brings.
"""

from __future__ import annotations

import re

# A need named by its SEND area or by a child's English spans several areas of targets:
# cognition and learning is reading, writing and maths; a child new to English learns to
# speak and to read it.
LEARNING = r"cognition and learning|mld|learning difficult\w*|learning disabilit\w*"
NEW_TO_ENGLISH = r"new to english|eal|esol|english as an additional language|\w+ speaker"
# A global delay is in every early area: moving, talking and looking after oneself.
DELAY = r"global develop\w* delay|gdd"
# A physical disability is in the hands' skills and in looking after oneself.
PHYSICAL = r"physical disabilit\w*|hemipleg\w*|cerebral palsy|mobility|wheelchair"

AREAS: dict[str, str] = {
    "reading": r"read\w*|phonics|books?|fluency|comprehension|decod\w*|words? on sight|"
    r"common exception|lexia|dyslexi\w*|literacy|sounds|psc|phonics screening|"
    + LEARNING
    + "|"
    + NEW_TO_ENGLISH,
    "writing": r"writ\w*|handwriting|spell\w*|spag|grammar|punctuation|full stops?|capital|"
    r"sentences?|paragraphs?|essays?|peel|letters? (?:formation|correctly)|dyslexi\w*|"
    r"form (?:lower|upper)|" + LEARNING,
    "fine_motor": r"fine motor|pencil|grip|scissors|buttons?|tweezers|playdough|dressing|"
    r"zips?|zip\w* up|laces|shoelaces|cutlery|knife and fork|dcd|dyspraxi\w*|"
    r"letter formation|form \w+ letters|(?:correctly |well[- ])?formed letters|"
    + DELAY
    + "|"
    + PHYSICAL,
    "maths": r"maths?|number\w*|count\w*|times tables?|multiplication|division|fractions?|"
    r"addition|subtraction|place value|shapes?|geometry|algebra|numeracy|sums|" + LEARNING,
    # English the subject, and English the language a child new to it is learning
    "english_lit": r"english|literature|poems?|poetry|quot\w*|set text|jekyll|language paper|"
    + NEW_TO_ENGLISH,
    "science": r"science|practicals?|biology|chemistry|physics",
    "attendance": r"attend\w*|punctual\w*|late\w*|on time|registration|absence\w*|register|"
    r"ebsa|school avoid\w*|school refus\w*|emotionally based",
    "behaviour": r"behaviou?r\w*|behav(?:e|es|ed|ing)|shout\w*|walk\w* out|calm\w*|regulat\w*|"
    r"anger|angry|time-out|detentions?|incidents?|points|suspen\w*|ftes?|"
    r"fixed[- ]term|semh|snatch\w*|hitting|kicking|fight\w*|exclu\w*|"
    r"stay\w* (?:sitting|seated|in (?:the |all |his |her |their )?(?:lessons?|class\w*|room))",
    "emotional": r"anxi\w*|worr\w*|stress\w*|counsell\w*|elsa|feelings?|emotion\w*|settle\w*|"
    r"separat\w*|confiden\w*|nurture|wellbeing|self-esteem|semh|ebsa|attachment|trauma\w*|"
    r"low mood",
    # playing with others, not playing an instrument ("play the G and C chords on the guitar")
    "social": r"friend\w*|social\w*|isolat\w*|lunchtime|clubs?|group|turns?|peers?|"
    r"play\w*(?![\w\s,]{0,25}\b(?:guitar|piano|keyboard|drums?|violin|recorder|ukulele|"
    r"trumpet|flute|clarinet|cello|saxophone|chords?|notes|scales|instrument))|"
    r"lonely|no one to play|shar(?:e|es|ed|ing)|snatch\w*",
    "communication": r"speech|language|talk\w*|phrases?|words to|makaton|signs?|communicat\w*|"
    r"ask for help|vocabulary|pecs|picture (?:cards?|exchange)|symbols?|aac|"
    r"(?:non|pre|minimally)[- ]?verbal|selective mutism|no functional speech|salt|slt|"
    r"speech and language therap\w*|" + NEW_TO_ENGLISH + "|" + DELAY,
    "attention": r"attention|adhd|focus\w*|concentrat\w*|stay\w* at|seated|movement breaks?|"
    r"sit still|impulsiv\w*|on task|(?:on the )?carpet(?: time)?|group time|circle time",
    "sensory": r"sensory|auditory|ear defenders|headphones|noise|noisy|loud|overwhelm\w*|"
    r"fidget\w*|weighted|regulation station|sensory breaks?",
    "independence": r"independen\w*|budget\w*|money|bank|cook\w*|meals?|flat|living|travel|"
    r"self-care|coat|shoes|dress\w*|on my own|by himself|by herself|toilet\w*|nappies|"
    r"wash\w* (?:his|her|their) hands|bus(?:es)?|trains?|public transport|journeys?|"
    + DELAY
    + "|"
    + PHYSICAL,
    "careers": r"college|apprenticeship|job|work|career\w*|cv|applications?|neet|mechanics?|"
    r"bricklay\w*|construction|course|employ\w*|traineeships?|prince'?s trust|"
    r"work experience|ucas|uni|university|degree|higher education|personal statement|"
    r"post[- ]?16|post[- ]?18|sixth form|further education|eet|"
    r"motor vehicle|hair and beauty|childcare|plumb\w*|engineering|catering|hospitality|"
    # a young person's own words for it: "earn while I learn", "doing electrics", "garages"
    r"earn\w*|wages?|electric(?:s|ian|al)|trades?|garages?",
    # Learning missed (in hospital, between placements, before arriving) and caught up.
    "catch_up": r"gaps? in (?:his |her |their )?(?:school\w*|learning|education)|"
    r"missed (?:school|learning|lessons|education|work)|interrupted (?:school\w*|education)|"
    r"catch[- ]?up|keep\w* up with|fall\w* behind|behind (?:with|in)|hospital\w*|inpatient|"
    r"(?:children's )?ward",
    # Hearing and sight: the aids and the access a sensory impairment needs.
    "hearing": r"hearing\w*|deaf\w*|radio aids?|cochlear|audiolog\w*|teacher of the deaf|tod|"
    r"bsl|british sign language",
    "vision": r"visual(?:ly)? impair\w*|low vision|blind\w*|magnif\w*|braille|"
    r"large print|enlarged|qtvi",
    # Education away from the school roll's classroom: where the child learns is the need.
    "placement": r"ap|alternative provision|pru|pupil referral unit|managed move|"
    r"reintegrat\w*|reduced timetable|part[- ]time timetable|home tuition|tuition centre",
    "computing": r"coding|code|programm\w*|python|scratch|computing|computer science|ict",
    "exams": r"exams?|mocks?|revis\w*|gcse|past papers?|grades?|coursework|assessments?|"
    r"assignments?|unit|btec|functional skills|qualification",
}
COMPILED = {area: re.compile(rf"\b(?:{pattern})\b", re.I) for area, pattern in AREAS.items()}


def areas_in(text: str) -> set[str]:
    return {area for area, pattern in COMPILED.items() if pattern.search(text)}
