"""A 1-5 rating read from a child's own typed words, only when the words leave no doubt.

The child's words are always kept as they typed them; this only decides whether a face can be
filled in beside them. A wrong face is worse than none: it can put "happy" on a child who said
"not happy", or miss "unhappy in school". So anything mixed, conditional, long or unknown gives
None, and the child's words stand alone.

Choices a reviewer should know:
- "not bad", "not sad", "don't hate it" are 3 (OK): faint praise, not "happy".
- "fine" is 3: children say it to mean "OK", not "happy".
- "not happy", "not good", "not ok", "don't like it" are 2; "never happy" and "not happy at all" 1.
- An intensifier moves happy/sad one step out (4 -> 5, 2 -> 1); a hedge ("a bit", "quite",
  "kind of") keeps the plain rating; an intensifier under a negation is still a plain 2.
- Two signals that disagree ("good and bad", "😄🙁") or a word that makes it conditional
  ("sometimes", "but", "mostly", "was", "when", "if") give None.
- "Nobody", "nothing", a wish ("want", "hope", "I'd love") or "like" that is not the verb
  give None: the rating word is there, the feeling is not.
Stdlib only: it runs in the action server's Python 3.10 env.
"""

from __future__ import annotations

import re
import unicodedata

from actions.typed import for_patterns

MAX_WORDS = 10  # a longer answer is about something; its face is the child's to choose

EMOJI = {
    "😢": 1, "😭": 1, "😿": 1, "😩": 1,
    "🙁": 2, "☹": 2, "😞": 2, "😟": 2, "😔": 2, "😕": 2, "👎": 2,
    "😐": 3, "😑": 3, "😶": 3,
    "🙂": 4, "😊": 4, "☺": 4, "👍": 4,
    "😄": 5, "😀": 5, "😃": 5, "😁": 5, "😍": 5, "🥰": 5,
}
WORDS = {
    **dict.fromkeys(("great", "brilliant", "amazing", "awesome", "love", "loves", "fab",
                     "fabulous", "fantastic", "excellent", "perfect", "ace", "brill", "epic",
                     "best", "wonderful"), 5),
    **dict.fromkeys(("happy", "good", "nice", "like", "likes", "glad", "cool"), 4),
    **dict.fromkeys(("ok", "alright", "fine", "meh", "average", "middle"), 3),
    **dict.fromkeys(("sad", "bad", "unhappy", "upset", "rubbish", "sucks", "crap"), 2),
    **dict.fromkeys(("terrible", "awful", "horrible", "horrid", "hate", "hates", "worst",
                     "miserable", "dreadful"), 1),
}
SPELLINGS = {
    "gud": "good", "gd": "good", "hapy": "happy", "happie": "happy", "hapi": "happy",
    "luv": "love", "okay": "ok", "oky": "ok", "okey": "ok", "oki": "ok", "okie": "ok",
    "okish": "ok", "k": "ok", "alrite": "alright", "aight": "alright", "realy": "really",
    "rly": "really", "relly": "really", "rlly": "really", "v": "very", "veri": "very",
    "dont": "don't", "doesnt": "doesn't", "isnt": "isn't", "aint": "ain't", "didnt": "didn't",
    "tho": "though", "altho": "although",
}
NEGATORS = {"not", "don't", "doesn't", "isn't", "ain't", "aren't", "didn't", "no", "never"}
INTENSIFIERS = {"really", "very", "so", "super", "extremely", "totally", "absolutely"}
HEDGES = {"bit", "little", "quite", "pretty", "kinda", "kind", "sort", "sorta", "fairly",
          "abit", "slightly"}
CONDITIONAL = {"sometimes", "depends", "both", "mixed", "but", "except", "apart", "although",
               "though", "usually", "mostly", "was", "half", "days", "times", "ups", "when",
               "whenever", "if", "unless"}
# "Nobody is nice to me", "nothing makes me happy", "I want to feel happy": the rating word is
# there, the feeling is not.
NOT_A_STATE = {"nobody", "nothing", "noone", "none", "nowhere", "want", "wanna", "wish",
               "hope", "hoping"}
# "like" is a preposition or a filler far more often than a verb ("a mechanic like my uncle",
# "i'm like a night owl"): it rates only first ("like it") or after a word that makes it the
# verb. A missed face costs nothing; a "happy" face beside those words would be wrong.
LIKER = {"i", "we", "you", "they", "he", "she", "do", "does", "did", "don't", "doesn't",
         "didn't", "really", "kinda", "kind", "quite", "still", "actually", "also",
         "definitely", "totally", "now"}
# After "would" a rating word is a wish, not how things are: "i'd love to be a vet".
WISHING = {"would", "i'd", "id", "we'd", "you'd", "wud", "wd", "could", "might"}
CLAUSE_BREAK = re.compile(r"[,;.!?\n]+|\s+(?:and|then)\s+", re.I)
RATED = set(WORDS)
NEGATION_REACH = 3  # "not very happy", "don't really like it": the negation reaches that far


def rating_from_words(text: str) -> int | None:
    """The rating the typed words state unambiguously, or None: see the module docstring."""
    text = unicodedata.normalize("NFC", text).replace("\ufe0f", "").strip()
    digit = re.fullmatch(r"([1-5])\s*(?:/\s*5|out of 5|of 5)?[.!]?", text.lower())
    if digit:
        return int(digit.group(1))
    faces = face_ratings(text)
    if faces is None:
        return None
    words = word_ratings(text)
    if words is None:
        return None
    found = set(faces) | set(words)
    return found.pop() if len(found) == 1 else None


def face_ratings(text: str) -> list[int] | None:
    """Ratings of the typed faces; None when a face is not on the scale (an angry face)."""
    found = []
    for ch in text:
        if ch in EMOJI:
            found.append(EMOJI[ch])
        elif unicodedata.category(ch) == "So":
            return None
    return found


def tokens(text: str) -> list[str]:
    lowered = for_patterns(text).lower().replace("so-so", "meh").replace("so so", "meh")
    raw = re.findall(r"[a-z']+", lowered)
    return [SPELLINGS.get(t, t) for t in (re.sub(r"(.)\1{2,}", r"\1", w) for w in raw)]


def word_ratings(text: str) -> list[int] | None:
    """Each rating word with its modifiers applied; None when the words make it conditional,
    or when a clause of three words or more rates nothing ("mrs khan is nice, mr brown shouts
    a lot"): that clause says something the face would hide."""
    words = tokens(text)
    if len(words) > MAX_WORDS or (CONDITIONAL | NOT_A_STATE) & set(words):
        return None
    clauses = [tokens(c) for c in CLAUSE_BREAK.split(text)]
    if len(clauses) > 1 and any(len(c) >= 3 and not RATED & set(c) for c in clauses):
        return None
    found: list[int] = []
    negator, since_negator, strong, hedged = "", 0, False, False
    for i, word in enumerate(words):
        base = WORDS.get(word)
        if word in ("like", "likes") and i and words[i - 1] not in LIKER:
            base = None
        after = words[i + 1:i + 3]  # "happy to leave", "good at maths": willing or able
        if (i and words[i - 1] in WISHING) or (after[:1] in (["to"], ["at"])
                                               and after != ["at", "all"]):
            base = None
        if base is None:
            if word in NEGATORS:
                negator, since_negator = word, 0
            elif negator:
                since_negator += 1
                negator = negator if since_negator <= NEGATION_REACH else ""
            strong = strong or word in INTENSIFIERS
            hedged = hedged or word in HEDGES
            continue
        at_all = words[i + 1:i + 3] == ["at", "all"]
        found.append(modified(base, negator, strong and not hedged, at_all))
        negator, since_negator, strong, hedged = "", 0, False, False
    return found


def modified(base: int, negator: str, strong: bool, at_all: bool) -> int:
    """One rating word after its negation or intensifier."""
    if negator:
        if base <= 2:
            return 3
        return 1 if negator == "never" or at_all else 2
    if strong:
        return {4: 5, 2: 1}.get(base, base)
    return base
