"""English word forms from lemminflect's lexicon: which words are inflected forms of
common nouns and verbs, and a verb's past participle. Lookups are cached; the lexicon
loads on first use."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas, getInflection

__all__ = ["is_english_word", "is_inflected_word", "past_participle"]


@lru_cache(maxsize=8192)
def is_english_word(word: str) -> bool:
    """Whether the lexicon knows `word`, in lower case, as an English noun, verb,
    adjective or adverb ("electric", "mills"); surnames it does not list ("petraeus")."""
    return bool(getAllLemmas(word.lower()))


@lru_cache(maxsize=8192)
def is_inflected_word(word: str) -> bool:
    """Whether the capitalised `word` is an inflected form of an English common noun or
    verb: a plural ("Fears", "Workers") or a verb form ("Getting"). Not a word that is
    its own lemma ("Congress", "Politico"), which capitalised is often a name, nor a
    plural the lexicon knows as a proper noun ("Democrats", "Americans")."""
    if getAllLemmas(word, upos="PROPN"):
        return False
    lower = word.lower()
    return any(lower not in lemmas for lemmas in getAllLemmas(lower).values())


@lru_cache(maxsize=4096)
def past_participle(ing_form: str) -> str | None:
    """'throwing' -> 'thrown', 'carrying' -> 'carried', 'cutting' -> 'cut'; None when
    the word is no verb's -ing form the lexicon knows."""
    lemmas = getAllLemmas(ing_form, upos="VERB").get("VERB")
    if not lemmas:
        return None
    forms = getInflection(lemmas[0], tag="VBN")
    return forms[0] if forms else None
