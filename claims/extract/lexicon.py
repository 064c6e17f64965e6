"""English word forms from lemminflect's lexicon: which words are plurals of common
nouns or name a kind of firm, and a verb's past participle. Lookups are cached; the lexicon
loads on first use."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas, getInflection

__all__ = ["is_plural_noun", "is_superlative", "names_a_kind_of_firm", "past_participle"]


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
