"""English word forms from lemminflect's lexicon: which words are plurals of common
nouns or name a kind of firm, which can say what a figure measures and which are only
verbs, and a verb's past participle. Lookups are cached; the lexicon loads on first use."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas, getInflection

__all__ = [
    "can_name_a_measure",
    "is_describing_word",
    "is_noun_not_adjective",
    "is_only_a_verb",
    "is_plural_noun",
    "is_superlative",
    "names_a_kind_of_firm",
    "past_participle",
]


@lru_cache(maxsize=8192)
def names_a_kind_of_firm(word: str) -> bool:
    """Whether `word`, in lower case, is an English plural noun or an adjective that is
    no noun, as the word after "General" in a firm's name is ("Motors", "Mills",
    "Electric"); a singular noun is as often a surname ("Lee", "Stone", "Young")."""
    lower = word.lower()
    lemmas = getAllLemmas(lower)
    return _plural_of_a_noun(lower) or ("ADJ" in lemmas and "NOUN" not in lemmas)


@lru_cache(maxsize=8192)
def is_plural_noun(word: str) -> bool:
    """Whether the capitalised `word` is the plural of an English common noun ("Fears",
    "Workers"); not a plural the lexicon knows as a proper noun ("Democrats",
    "Americans") and not a verb's form alone ("United", "Sears")."""
    if getAllLemmas(word, upos="PROPN"):
        return False
    lower = word.lower()
    return lower.endswith("s") and _plural_of_a_noun(lower)


def _plural_of_a_noun(lower: str) -> bool:
    """Whether the lower-case word is a noun other than its lemma: a plural."""
    return any(lemma != lower for lemma in getAllLemmas(lower, upos="NOUN").get("NOUN", ()))


@lru_cache(maxsize=4096)
def is_superlative(word: str) -> bool:
    """Whether `word` is an adjective's superlative ("biggest", "lowest", "best"), not a
    word that only ends like one ("west", "interest")."""
    lower = word.lower()
    lemmas = getAllLemmas(lower, upos="ADJ").get("ADJ", ())
    return lower.endswith("est") and any(lemma != lower for lemma in lemmas)


@lru_cache(maxsize=4096)
def past_participle(ing_form: str) -> str | None:
    """'throwing' -> 'thrown', 'carrying' -> 'carried', 'cutting' -> 'cut'; None when
    the word is no verb's -ing form the lexicon knows."""
    lemmas = getAllLemmas(ing_form, upos="VERB").get("VERB")
    if not lemmas:
        return None
    forms = getInflection(lemmas[0], tag="VBN")
    return forms[0] if forms else None


@lru_cache(maxsize=8192)
def can_name_a_measure(word: str, *, of_a_share: bool) -> bool:
    """Whether the lower-case `word`, alone after a figure, can say what it measures.

    A noun can ("40% support", "12 seats"), and so can a word the lexicon does not
    know (an acronym, a coinage). A verb's -ing form can, as a gerund ("$2bn
    spending"). After a share, an adjective or a participle names the share's group
    ("24% satisfied", "10% undecided", "72 percent white"). Never an adverb, a
    comparative or another verb form: "three weeks away", "two feet shorter",
    "40 percent chose Lee", "37% disagree".
    """
    lemmas = getAllLemmas(word)
    if not lemmas or "NOUN" in lemmas:
        return True
    if word.endswith("ing") and "VERB" in lemmas:
        return True
    return of_a_share and "ADV" not in lemmas and _describes(word, lemmas)


@lru_cache(maxsize=4096)
def is_describing_word(word: str) -> bool:
    """Whether the lower-case `word` is a plain adjective or a past participle and no
    noun: "satisfied", "undecided", "opposed"; not "fell", "shorter" or "support"."""
    lemmas = getAllLemmas(word)
    return "NOUN" not in lemmas and _describes(word, lemmas)


def _describes(word: str, lemmas) -> bool:
    if word in lemmas.get("ADJ", ()):
        return True  # the plain adjective, not its comparative
    return any(word in getInflection(lemma, tag="VBN") for lemma in lemmas.get("VERB", ()))


@lru_cache(maxsize=8192)
def is_only_a_verb(word: str) -> bool:
    """Whether the lower-case `word` is a verb's form and nothing else the lexicon knows
    ("chose", "identify", "believe"), other than an -ing form, which can be a noun."""
    lemmas = getAllLemmas(word)
    return bool(lemmas) and set(lemmas) <= {"VERB", "AUX"} and not word.endswith("ing")


@lru_cache(maxsize=4096)
def is_noun_not_adjective(word: str) -> bool:
    """Whether the lower-case `word` is a noun the lexicon knows and never an adjective:
    "delegate", "vote", "donations"; not "final", "annual" or "average"."""
    lemmas = getAllLemmas(word)
    return "NOUN" in lemmas and "ADJ" not in lemmas
