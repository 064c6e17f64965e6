"""English word forms from lemminflect's lexicon: which words it knows, which are
plurals of common nouns, and a verb's past participle. Lookups are cached; the lexicon
loads on first use."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas, getInflection

__all__ = ["is_english_word", "is_plural_noun", "past_participle"]


@lru_cache(maxsize=8192)
def is_english_word(word: str) -> bool:
    """Whether the lexicon knows `word`, in lower case, as an English noun, verb,
    adjective or adverb ("electric", "mills"); surnames it does not list ("petraeus")."""
    return bool(getAllLemmas(word.lower()))


@lru_cache(maxsize=8192)
def is_plural_noun(word: str) -> bool:
    """Whether the capitalised `word` is the plural of an English common noun ("Fears",
    "Workers"); not a plural the lexicon knows as a proper noun ("Democrats",
    "Americans") and not a verb's form alone ("United", "Sears")."""
    if getAllLemmas(word, upos="PROPN"):
        return False
    lower = word.lower()
    nouns = getAllLemmas(lower, upos="NOUN").get("NOUN", ())
    return lower.endswith("s") and any(lemma != lower for lemma in nouns)


@lru_cache(maxsize=4096)
def past_participle(ing_form: str) -> str | None:
    """'throwing' -> 'thrown', 'carrying' -> 'carried', 'cutting' -> 'cut'; None when
    the word is no verb's -ing form the lexicon knows."""
    lemmas = getAllLemmas(ing_form, upos="VERB").get("VERB")
    if not lemmas:
        return None
    forms = getInflection(lemmas[0], tag="VBN")
    return forms[0] if forms else None
