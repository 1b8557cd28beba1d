"""Telling real English words from made-up ones, with the word lists the models already ship.

A target such as "Mia will flunder the grobbets" parses like a real one, so the parse alone
judged it specific. Three lists shipped with the pinned packages together cover everyday and
school English: the spaCy pipeline's string table (words seen in its training text), its
lemmatizer's WordNet index (nouns, verbs, adjectives, adverbs) and MiniLM's whole-word
vocabulary. A word is real when it, its lemma, a plain stem or both halves of a compound
("playdough", "coursework") are on them. Names and acronyms are left alone: a capitalised
word a reader would take for a name is not a made-up word.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from offline_models import SPACY_PACKAGE, minilm_path, spacy_pipeline
from offline_models.loading import load_once

# School and care words (mostly programmes and abbreviations) that no general list holds.
SCHOOL_WORDS = frozenset(
    {
        *("makaton", "lexia", "boxall", "elsa", "spag", "cvc", "ccvc", "cvcc", "sats", "btec"),
        *("gcse", "gcses", "nvq", "ehcp", "senco", "hlta", "ttrs", "numbots", "sdq", "pep"),
        *("neet", "mtc", "elg", "elgs", "phonic", "dyscalculia", "ucas", "esol", "pecs", "pshe"),
        *("subitise", "subitize", "theraputty", "numicon", "widgit", "colourful", "sensory"),
        *("resit", "keyworker", "ofsted", "dysregulated", "dysregulation", "coregulation"),
        *("neurodivergent", "neurotypical", "nurtureuk", "thrive", "elklan"),
        # Written in lower case as often as not: Accelerated Reader's ZPD, Read Write Inc.
        *("zpd", "rwi", "wcpm", "ngrt", "ncetm", "salt", "slt", "aac", "sencos", "tas"),
    }
)
SUFFIXES = ("s", "es", "ed", "ing", "er", "est", "ly", "ness", "ment", "ful", "able", "ity", "ies")
MIN_PART = 4


@load_once()
def dictionary_words() -> frozenset[str]:
    """WordNet's index and MiniLM's whole words: clean lists, safe for splitting compounds."""
    words: set[str] = set(SCHOOL_WORDS)
    lemmatizer = spacy_pipeline().get_pipe("lemmatizer")
    if isinstance(lemmatizer, Lemmatizer):
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos in index:
            words.update(w.lower() for w in index[pos] if w.isalpha())
    words.update(minilm_words())
    return frozenset(words)


@load_once()
def minilm_words() -> tuple[str, ...]:
    """MiniLM's whole lower-case words (about 22,000 of the commonest), in vocabulary order."""
    vocab = minilm_path() / "vocab.txt"
    if not vocab.exists():
        return ()
    return tuple(w for w in vocab.read_text().split() if w.isalpha() and w.islower())


@load_once(maxsize=4)
def wordnet(pos: str) -> frozenset[str]:
    """WordNet's words for one part of speech ("noun", "verb", "adj", "adv")."""
    lemmatizer = spacy_pipeline().get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer):
        return frozenset()
    return frozenset(lemmatizer.lookups.get_table("lemma_index").get(pos, []))


# School terms made with a comparative that compare nothing: "lower case letters", "the
# higher tier paper", "further education", "upper school".
FIXED_TERMS = {
    "lower": {"case", "school", "sixth", "key"},
    "upper": {"case", "school", "sixth", "key"},
    "higher": {"tier", "education", "paper"},
    "further": {"education", "maths", "mathematics"},
}


def is_comparative(token: Token) -> bool:
    """ "neater", "calmer", "tidier", "more confident": a direction, not an amount."""
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if following in FIXED_TERMS.get(token.lower_, ()):
        return False
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    if before in ("no", "any") and token.lower_ == "longer":  # "no longer NEET": a state
        return False
    if token.tag_ in ("JJR", "RBR"):
        return True
    word = token.text.lower()
    if token.is_stop or word in wordnet("noun") or word in wordnet("verb"):
        return False  # "number", "after": words in their own right
    stems = [word[:-3] + "y"] if word.endswith("ier") else []
    if word.endswith("er"):
        stems += [word[:-2], word[:-1], word[:-3]]
    return any(len(stem) >= 3 and stem in wordnet("adj") for stem in stems)


@load_once()
def known_words() -> frozenset[str]:
    """The dictionary words and every alphabetic string the spaCy pipeline was trained on."""
    words: set[str] = set(dictionary_words())
    spec = find_spec(SPACY_PACKAGE)
    if spec is not None and spec.origin is not None:
        for strings in Path(spec.origin).parent.glob("*/vocab/strings.json"):
            words.update(s.lower() for s in json.loads(strings.read_text()) if s.isalpha())
    return frozenset(words)


@lru_cache(maxsize=4096)
def is_word(word: str, *, lemma: str = "") -> bool:
    known = known_words()
    word = word.lower()
    if word in known or lemma.lower() in known:
        return True
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            candidates = {stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
            if stem.endswith("i"):
                candidates.add(stem[:-1] + "y")
            if suffix == "ly" and stem.endswith(("ab", "ib")):  # "recognisably", "legibly"
                candidates.add(stem + "le")
            if candidates & known or any(is_word(c) for c in candidates):
                return True
    clean = dictionary_words()
    return any(
        word[:i] in clean and (word[i:] in clean or _inflected(word[i:], clean))
        for i in range(MIN_PART, len(word) - MIN_PART + 1)
    )


VOWELS = "aeiou"


@load_once()
def common_words() -> dict[tuple[str, int], tuple[str, ...]]:
    """MiniLM's whole words of four letters or more, by first letter and length."""
    index: dict[tuple[str, int], list[str]] = {}
    for word in minilm_words():
        if len(word) >= 4:
            index.setdefault((word[0], len(word)), []).append(word)
    return {key: tuple(words) for key, words in index.items()}


@lru_cache(maxsize=4096)
def typo_of(word: str) -> str:
    """The common word a hurried typist meant, or "": letters dropped ("evry", "finsh",
    "arrangmnts"), two swapped ("freinds"), one vowel for another ("seperate") or, in a long
    word, a letter doubled ("punctuallity"). A made-up
    word is rarely one of these slips from a common word ("sprocklate", "glimmerty")."""
    word = word.lower()
    if len(word) < 3 or not word.isalpha():
        return ""
    index = common_words()
    for extra in (1, 2) if len(word) >= 7 else (1,):
        for candidate in index.get((word[0], len(word) + extra), ()):
            if _subsequence(word, candidate):
                return candidate
    slips = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    slips |= {
        word[:i] + v + word[i + 1 :] for i, c in enumerate(word) if c in VOWELS for v in VOWELS
    }
    same_length = set(index.get((word[0], len(word)), ()))
    slipped = next((w for w in sorted(slips - {word}) if w in same_length), "")
    if slipped or len(word) < 7:
        return slipped
    # a key pressed twice in a long word: "punctuallity"
    doubled = {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}
    return next((w for w in sorted(doubled) if w in dictionary_words()), "")


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def _inflected(word: str, words: frozenset[str]) -> bool:
    return any(word.endswith(s) and word[: -len(s)] in words for s in ("s", "es", "ing", "ed"))


# What follows the child's name when a target opens with it: "Kacper will ...", "Omid to ...".
AFTER_A_NAME = frozenset({"will", "to", "'s", "can", "could", "should", "must", "would", "is"})


def opens_with_a_name(token: Token) -> bool:
    """A capital at the start, where a target names its child: the subject, or before "will" or
    "to". spaCy's small English model knows few names from outside England ("Kacper", "Omid"
    came out a noun and an adjective), so the place in the sentence says it, not the tagger."""
    if not token.is_sent_start or not token.text[0].isupper():
        return False
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return token.dep_ in ("nsubj", "nsubjpass") or following in AFTER_A_NAME


def _checked(token: Token) -> bool:
    """Content words a reader must understand; names and acronyms are not checked."""
    if not token.is_alpha or len(token.text) < 3 or token.is_stop or token.like_num:
        return False
    if token.text.isupper():
        return False
    if token.text[0].isupper() and (not token.is_sent_start or token.pos_ == "PROPN"):
        return False
    if opens_with_a_name(token):
        return False
    return token.pos_ in ("NOUN", "VERB", "ADJ", "ADV", "PROPN")


# A target in a language lesson or RE names the subject's own words: "avoir and être",
# "sewa and langar". Words in brackets are examples ("(e.g. chip, rain)"), not the target.
LANGUAGE_SUBJECTS = re.compile(
    r"\b(?:french|spanish|german|italian|latin|arabic|urdu|punjabi|polish|mandarin|chinese|"
    r"japanese|welsh|portuguese|turkish|hindi|bengali|religious|sikh\w*|hindu\w*|muslim\w*|"
    r"islam\w*|jewish|judaism|christian\w*|buddhis\w*)\b",
    re.I,
)


def _in_brackets(token: Token) -> bool:
    before = token.doc.text[: token.idx]
    return before.count("(") > before.count(")")


def made_up_words(doc: Doc) -> list[str]:
    """Words in the text that are on none of the shipped lists, in the order they appear; a
    slip in typing a common word ("evry night") is a typo, which a reader reads through."""
    found: list[str] = []
    subject_words = bool(LANGUAGE_SUBJECTS.search(doc.text))
    for token in doc:
        if subject_words or _in_brackets(token) or not token.text.isascii():
            continue
        if (
            token.text not in found
            and _checked(token)
            and not is_word(token.text, lemma=token.lemma_)
            and not typo_of(token.text)
        ):
            found.append(token.text)
    return found
