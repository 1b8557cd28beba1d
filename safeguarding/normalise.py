"""Turning children's typing into text the patterns can read.

Children write in text-speak, stretch words ("sooo"), drop apostrophes and misspell. The
patterns are written for plain lower-case English, so the text is brought to that first.
"""

from __future__ import annotations

import re
import unicodedata

# Whole-word text-speak and common misspellings -> plain words.
TEXT_SPEAK = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "y": "why",
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "theyll": "they'll",
    "theyd": "they'd",
    "youre": "you're",
    "thats": "that's",
    "its": "it's",
    "whats": "what's",
    "mums": "mum's",
    "dads": "dad's",
    "wasnt": "wasn't",
    "aint": "ain't",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "wat": "what",
    "wot": "what",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "b4": "before",
    "2day": "today",
    "2nite": "tonight",
    "nite": "night",
    "pls": "please",
    "plz": "please",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "bro": "brother",
    "sis": "sister",
    "mam": "mum",
    "mom": "mum",
    "mommy": "mummy",
    "da": "dad",
    "pic": "picture",
    "pics": "pictures",
    "nudez": "nudes",
    "kms": "kill myself",
    "kys": "kill yourself",
    "idk": "i don't know",
    "dunno": "don't know",
    "skool": "school",
    "scool": "school",
    "shool": "school",
    "skl": "school",
    "skul": "school",
    "skewl": "school",
    "skol": "school",
    "schol": "school",
    "shcool": "school",
    "h8": "hate",
    "wnt": "want",
    "scared": "scared",
    "scard": "scared",
    "skared": "scared",
    "frend": "friend",
    "frends": "friends",
    "freinds": "friends",
    "freind": "friend",
    "hurtz": "hurts",
    "hurst": "hurts",
    "tuched": "touched",
    "touchd": "touched",
    "tutched": "touched",
    "rapd": "raped",
    "raepd": "raped",
    "hitt": "hit",
    "hits": "hits",
    "punchs": "punches",
    "kiks": "kicks",
    "wen": "when",
    "sumone": "someone",
    "some1": "someone",
    "any1": "anyone",
    "no1": "no one",
    "nobdy": "nobody",
    "hom": "home",
    "hungy": "hungry",
    "hungery": "hungry",
    "hungr": "hungry",
    "starvin": "starving",
    "suicidel": "suicidal",
    "sucide": "suicide",
    "suiside": "suicide",
    "ded": "dead",
    "unalive": "kill",
    "yr": "year",
    "teh": "the",
    "n": "and",
    "wiv": "with",
    "wid": "with",
    "w/": "with",
    "secrit": "secret",
    "sekret": "secret",
    "tel": "tell",
}

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s"})
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "`": "'"})


def _deleet(word: str) -> str:
    """Digits inside a word are letters ("h1t" -> "hit"); plain numbers stay numbers."""
    if any(c.isalpha() for c in word) and any(c in "013455@$" for c in word):
        return word.translate(_LEET)
    return word


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = re.sub(r"(.)\1{2,}", r"\1\1", text)  # "sooooo" -> "soo"
    words = []
    for raw in re.findall(r"[\w'@$/]+|[^\w\s]", text):
        word = _deleet(raw)
        stripped = word.strip("'")
        words.append(TEXT_SPEAK.get(stripped, TEXT_SPEAK.get(word, word)))
    return " ".join(words)


def clauses(text: str) -> list[str]:
    """Sentences and clauses, so a disclosure inside a long message about school stands alone."""
    parts = re.split(r"[.!?;\n]+|\b(?:but|and then|because|so)\b|,", text)
    return [p.strip() for p in parts if len(p.strip()) >= 3]
