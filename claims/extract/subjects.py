"""Who or what a quantity is about (CLAIM-SPEC `subject`), in its sentence and article.

A sentence names its subject in a few shapes, tried in this order:

- a list that pairs figures with names after them ("up 9% at Acme, 4% at Globex",
  "£900 in Ruritania; £700 in Zembla") or before them ("Acme 34%, Globex 11%"), a
  poll share given for someone ("12% for Smith", "40% back Smith"), the second
  figure of a score ("Smith leads Jones, 48% to 45%": Jones);
- a possessor in the number's own clause ("Acme's profits rose 76%");
- the grammatical subject of a verb ("Acme sold 300 cars", "Smith, who won 40%");
- a name inside the subject's phrase ("revenue at Acme fell 5%", "shares in Acme"),
  or the country a figure is counted in ("90m parcels were sent in Zembla");
- any other name before the number, nearest first;
- else a common noun that is the verb's subject ("the economy added 236,000 jobs").

A name is never the source of the figure ("Acme said", "according to Acme"; unless
it speaks of itself: "Acme said it sold"), a place in a prepositional phrase after
the verb ("... rose 5% in Paris"), part of a time ("at 0900 GMT"), a name inside a
comma-closed aside ("Acme, which owns Globex, ..."), a capitalised word that only
opens the sentence ("Counting the votes, ...") or a lone adjective ("Democratic
voters"). A country adjective gives its country ("German growth": Germany, via
places.py). When the sentence names no one, or names its subject only by a pronoun
or a word such as "the firm", the subject is the entity the article is about: the
person last named for "he"/"she", else the article's main entity, the name its
opening sentence and its repetitions make most prominent ("the campaign" in a story
about a candidate is that candidate's campaign).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass
from functools import lru_cache

from claims.extract import context, leads, places
from claims.extract.fields import PARTY_WORD
from claims.extract.lexicon import is_plural_noun
from claims.extract.names import (
    BUSINESS_NOUNS,
    CALENDAR_NAMES,
    COPULA,
    DEMONYM,
    ENDS_SENTENCE,
    FIRM_OPENING_TITLES,
    MODAL,
    MONTHS,
    OFFICES,
    SAYING_VERBS,
    SHARE_TRAIT,
    TITLES,
    VERBS,
    VOTE_EVENT,
    WEEKDAYS,
    is_org_name,
    is_people_plural,
    is_person_name,
)
from claims.plurals import singular

__all__ = [
    "ArticleSubjects",
    "dateline_end",
    "bracket_label",
    "describes_the_group",
    "first_person",
    "polled_group",
    "population_of",
    "sentence_subject",
]

_CHUNK_RE = context.PROPER_CHUNK_RE
# Verbs that make the name before them the source of what follows: "Acme said",
# "Acme, the largest lender, says", "the Bureau has reported".
_SOURCE_AFTER_RE = re.compile(
    r"\)?\s*(?:\([^)]{1,12}\)\s*)?(?:,[^,]{1,80},\s*)?"
    r"(?:(?:[a-z]+\s+){1,2}(?:[A-Z][\w.'’-]*\s+){1,3}|(?:data|figures|report|survey|poll)\s+)?"
    r"(?:(?:has|have|had|also|now|then|later)\s+)*"
    r"(?:said|says|say|told|tells|reported|reports|predicts|predicted|forecast|forecasts"
    r"|estimated|estimates|expects|warned|warns|announced|announces|noted|notes|added"
    r"|adds|believes|argued|argues|claimed|claims|revealed|reveals|confirmed|confirms"
    r"|found|finds|showed|shows|wrote|writes|stated|states|calculated|calculates"
    r"|pegged|pegs|pointed\s+out|points\s+out)\b"
)
# "Acme says it expects 400 visitors": the source speaks of itself.
_SELF_REPORT_RE = re.compile(
    r"\s+(?:(?:on|last|this|earlier|in)\s+[A-Za-z]+\s+)?(?:that\s+)?(?:it|its|they|their|we|our)\b"
)
# "Acme reported a net profit of $2bn", "Acme announced record sales", "the North
# showed the highest rate of inflation": a body or place with results, a rate or a
# change as the verb's object tells its own.
_OWN_RESULTS_RE = re.compile(
    r"\s+(?:(?:a|an|its|their|the|record|net|pre-tax|pretax|operating|annual|quarterly"
    r"|full-year|half-year|first-half|underlying|higher|lower|rising|falling|strong|weak"
    r"|highest|lowest|biggest|largest|smallest|fastest|slowest|sharpest|steepest"
    r"|(?:first|second|third|fourth)[-\s]quarter|fiscal|\d{4})\s+)*"
    r"(?:profits?|loss(?:es)?|revenues?|sales|earnings|income|turnover|rates?|growth"
    r"|rises?|falls?|increases?|declines?|drops?|investments?|holdings|assets|stakes?"
    r"|debts?|liabilit(?:y|ies))\b"
)
_SOURCE_BEFORE_RE = re.compile(
    r"\b(?:according\s+to|said|says|told)\s+(?:the\s+)?$"
    # "according to data from the Dunmore office", "according to figures by Acme"
    r"|\baccording\s+to\s+(?:the\s+|new\s+|latest\s+|official\s+){0,2}(?:data|figures"
    r"|numbers|statistics|estimates|records|a\s+report|reports|a\s+survey|a\s+poll|a\s+study"
    r"|research|an\s+analysis)\s+(?:from|by|of|in|released\s+by|compiled\s+by"
    r"|published\s+in)\s+(?:the\s+)?$",
    re.I,
)
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:in|at|on|from|to|into|for|with|by|over|across|against|under|during|before|after"
    r"|since|until|near|outside|inside|behind|beyond|between|among|through|via|of|about"
    r"|than|like|toward|towards|overlooking)\s+(?:the\s+)?(?:(?!which|whom|whose)[a-z]+\s+)?$",
    re.IGNORECASE,
)
# Prepositions that tie a measure to its holder: "revenue at Acme", "shares in Acme".
_HOLDER_PREPOSITION_RE = re.compile(
    r"\b(?:at|in|of|from|for|among)\s+(?:the\s+)?(?:(?!which|whom|whose)[a-z]+\s+)?$",
    re.IGNORECASE,
)
_NUMBER_BEFORE_RE = re.compile(r"\d(?:[\d,.:]*\d)?\s*$")
# A verb in the clause: what separates a clause's subject from its objects.
_VERB_RE = re.compile(
    rf"\b(?:{context.VERB[3:-1]}|[a-z]+ed|sold|cut|lost|won|spent|made|paid|shed|took"
    r"|set|sent|bought|built|employs|owns|gets|got|sees|saw|says|said|told|had|has|have"
    r"|rented|leases|earns|earned|includes|included|wants|wanted|plans|aims|faces|needs"
    r"|requires)\b"
)
# A levy named right after its rate, and what it is levied on: "a 35% duty on cheap
# Zemblan tyres", "a 10 percent tax on imported steel", up to the noun phrase's end.
_LEVY_ON_RE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:tariffs?|duty|duties|tax|taxes|levy|levies|surcharge)\s+on\s+"
    r"(?:all\s+|the\s+)?(?P<goods>(?:[\w-]+\s+){0,3}?[\w-]+?)"
    r"(?=\s+(?:being|that|which|who|from|in|into|to|for|by|at|and|or|if|as|when|made|built"
    r"|produced|sold|shipped|bought)\b|\s*[,.;:)]|$)"
)
# Endings of abstract nouns, which open sentences but name no one: "Optimism is higher
# among", "Unemployment rose", "Turnout was".
_ABSTRACT_NOUN_RE = re.compile(r"(?:ism|ness|ment|tion|sion|ity|ance|ence)$")
# Shares of a name, in a relative clause's antecedent: "sold shares of Acme, which were
# worth $2m" (the seller's).
_SHARES_OF_BEFORE_RE = re.compile(r"\bshares\s+of\s+$", re.IGNORECASE)
# A holding in a name: the name is what it is invested in, not its holder.
_HOLDING_IN_RE = re.compile(
    r"\b(?:investments?|holdings?|stakes?|interests?)\s+in\s+(?:the\s+)?$", re.IGNORECASE
)
# A trade partner: "imports from Zembla rose 4%" are the importer's.
_TRADE_PARTNER_BEFORE_RE = re.compile(
    r"\b(?:imports?|shipments?|purchases?|inflows?|remittances?)\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Words that open a clause as well as a phrase: "after Acme announced", "since Acme
# bought", "before Lee spoke".
_SUBORDINATOR_BEFORE_RE = re.compile(r"\b(?:after|before|since|until|as)\s+$", re.IGNORECASE)
_SUBJECT_VERB_RE = re.compile(
    r"\s*(?:,\s*(?:who|which)\s+|,\s+(?:the|a|an)\s[^,]{1,80},\s*)?"
    r"(?:(?:[a-z]+ly|also|still|now|just|already|only|then|so\s+far|thus\s+far)\s+)*"
    rf"(?:{context.VERB[3:-1]}|[a-z]+ed|sold|cut|lost|won|spent|made|paid|shed|took|set"
    r"|sent|bought|built|employs?|owns?|gets?|got|sees?|saw|had|has|have|earns?|makes"
    r"|includes|plans|wants|faces|leads|trails|follows|holds|said|says|told|predicts|expects"
    r"|forecast|forecasts|warns|announces|estimates|reports|comes|goes|stands|remains|ranks"
    r"|finishes|tops|beats|takes|receives|wins|loses|scores|gains|needs|requires|owes|owed"
    r"|pays|spends|sells|buys|produces|controls|employed)\b"
)
# "Acme's biggest rival", "Ruritania's second largest bank": a description of another
# entity, not a figure of the possessor; but "Zembla's top income tax rate" is a rate of
# Zembla's.
_DESCRIPTION_RE = re.compile(
    r"['’]s\s+(?:(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))[\s-]+)?"
    r"(?:[a-z]+est|biggest|largest|leading|top|main|only)\b"
    r"(?!\s+(?:[a-z-]+\s+){0,2}(?:rates?|prices?|levels?|tax|taxes|wages?|salary|pay)\b)"
)
# Where a clause ends: punctuation (never the comma inside "195,000") or a conjunction.
_CLAUSE_BREAK_RE = re.compile(
    r"[;:()\u2013\u2014]|,(?!\d)|\s-\s|\b(?:that|which|who|where|when|and|but)\b"
)
_ASIDE_OPEN_RE = re.compile(r",\s+(?:which|who|whose|the|a|an)\s")
_ASIDE_DASH_RE = re.compile(r"\s[-–—]\s|—")
_DASH_ASIDE_RE = re.compile(
    r"(?:\s[-–—]\s|—)\s*(?:(?:in|of|for|to|with|from)\s+which|which|who|whom|whose|where"
    r"|including)\b"
)
# How far before a number its subject is looked for, and how far a list may reach:
# bounded, so that a sentence with thousands of numbers stays linear.
_WINDOW = 200
# A news article names what it is about early: its main entity is counted over this
# many opening sentences.
_MAIN_ENTITY_SENTENCES = 15
_LIST_REACH = 120
# A verb that gives money to someone named right after it, and only an approximator
# between that name and the figure: "paid Beacon LLC $35,000", "owes Acme about $2m".
_PAYEE_BEFORE_RE = re.compile(
    r"\b(?:paid|pays|pay|paying|gave|gives|give|giving|owes|owed|owe|lent|lends|loaned"
    r"|charged|charges|awarded|awards|sent|sends|donated|offered|offers|promised)\s+$"
)
_FIGURE_NEXT_RE = re.compile(rf"\s+(?:(?:{context.APPROX_WORDS}|another|a\s+further)\s+)*[$£€¥]?")
# "Acme 34 percent", "Rivers by 9 points", "Stone at 17 percent": a figure right after
# the name it belongs to, in a list of such figures (not "with": "Lee follows Ng with
# 16 percent" is Lee's).
_LABEL_BEFORE_FIGURE_RE = re.compile(r"['’]?s?\s+(?:(?:by|on|at)\s+)?[$£€¥]?")
# "Lee at 12 percent, and Gov. Jo Ng, 9 percent", "Zemblans grew to 29 percent and
# Westmarchers to 9 percent": a later item of a list of figures whose name a comma or
# the list's own preposition sets off from its figure; the name opens the item, after
# the list's comma or "and" and any capitalised titles.
_ITEM_LABEL_BEFORE_FIGURE_RE = re.compile(r"(?:,|\s+(?:to|with))\s+[$£€¥]?")
_LIST_ITEM_OPENS_RE = re.compile(r"\d[^.;:]*(?:,|\band|\bor)\s+(?:[A-Z][a-z]*\.?\s+){0,3}$")
# "9% at Acme, 4% at Globex": a figure and the name it belongs to, in a list.
_LIST_ITEM_RE = re.compile(
    r"\d[\d,.]*(?:\s*(?:%|per\s*cent|percent|[a-z]+))?\s+(?:at|in)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|and|the))*)"
)
_AFTER_FIGURE_RE = re.compile(
    r"(?:\s*(?:%|per\s*cent|percent|percentage\s+points?|points?))?\s+"
    r"(?:(?P<prep>at|in)\s+(?:the\s+)?"
    r"|(?P<poll>for\s+|(?:of\s+[\w\s-]{1,40}?\s+|who\s+)?(?:support|supported|supports|back|backed"
    r"|backs|favou?r|favou?red|prefer|preferred|chose|choose"
    # "70% of voters said they would definitely vote for Okafor"
    r"|(?:said|say|says)\s+(?:that\s+)?they\s+(?:would|will)\s+(?:[a-z]+ly\s+)?"
    r"(?:vote\s+for|back|support))\s+"
    # the words before the one backed; a preposition makes "support" a noun ("34%
    # support among Republican voters"), whose figure is not the next name's
    r"(?:(?!(?:among|from|in|across|with|within|of|on|at)\b)[a-z]+\s+){0,3}?))"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|and))*)"
)
# What stands for the organisation last named ("the firm cut 300 jobs", "the bank's
# profit"); not "it", which as often stands for a country, a market or a plan.
_ORGANISATION_WORDS = BUSINESS_NOUNS | {"bank"}
# A name the text calls an organisation: "the oil giant Acme", "Acme, a research firm".
_ORGANISATION_NOUN = rf"(?:{'|'.join(sorted(_ORGANISATION_WORDS))})"
# "the company", "the bank": an organisation the article has named, named again.
_THE_ORGANISATION_RE = re.compile(rf"\b[Tt]he\s+{_ORGANISATION_NOUN}\b")
# Nouns that stand for an organisation or country the article has named: "the firm
# warned", "the government has set a target".
_STAND_IN_NOUNS = _ORGANISATION_WORDS | frozenset(
    """chain government country nation economy state administration campaign club team
    side party network station newspaper paper agency organisation organization""".split()
)
# The words between: modifiers only, never a preposition ("Jo Rivers, an executive at
# a firm" is a person).
_MODIFIER = r"(?!(?:at|of|for|in|with|from|by|on)\s)[\w-]+\s+"
_ORGANISATION_BEFORE_RE = re.compile(rf"\bthe\s+(?:{_MODIFIER}){{0,3}}{_ORGANISATION_NOUN}\s+$")
_ORGANISATION_AFTER_RE = re.compile(
    rf",\s+(?:a|an|the)\s+(?:{_MODIFIER}){{0,4}}{_ORGANISATION_NOUN}\b"
)


def _called_organisation(sentence: str, start: int, end: int) -> bool:
    lo = max(0, start - 50)
    return bool(
        (
            context.holds_any(sentence, ("the",), lo, start)
            and _ORGANISATION_BEFORE_RE.search(sentence, lo, start)
        )
        or _ORGANISATION_AFTER_RE.match(sentence, end)
    )


_ING_VERB_RE = re.compile(r"\s+[a-z]+ing\b")
# Bodies that belong to a person: "the campaign" in a story about a candidate is the
# candidate's campaign, not the candidate.
_PERSONAL_BODIES = frozenset("campaign administration".split())
_BODY_NOUNS_PATTERN = "|".join(sorted(_PERSONAL_BODIES))
# "the Rivers campaign", "Rivers's campaign", "Rivers' campaign"
_BODY_AFTER_RE = re.compile(rf"(?:['’]s?)?\s+(?P<noun>{_BODY_NOUNS_PATTERN})\b")
# "his campaign raised": the campaign of the person a pronoun stands for.
_PRONOUN_BODY_RE = re.compile(rf"\b(?:his|her)\s+(?P<noun>{_BODY_NOUNS_PATTERN})\b", re.I)
_ADVERB_RE = re.compile(r"[a-z]+ly|also|still|now|just|already|only|then|even|again")
_COUNTRY_AFTER_RE = re.compile(
    r"[^,;:.]*?\bin\s+(?:the\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
)
# A contest's score: "Rivers leads Stone, 52% to 41%", "Rivers is well ahead of Stone
# 52 percent to 41 percent", "voters who prefer Rivers to Stone 52% to 41%": the first
# figure is the leader's (or the preferred one's), the second the rival's.
_SCORE_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_SCORE_VERB = (
    r"(?:leading|leads|led|beating|beat|beats|trails|trailing|trailed|ahead\s+of|over"
    r"|against|to)"
)
_SECOND_SCORE_RE = re.compile(
    rf"\b{_SCORE_VERB}\s+(?:the\s+)?(?P<name>{_SCORE_NAME}),?\s+\d[\d.,]*\s*"
    r"(?:%|percent|per\s+cent|points)?(?:\s+to\s+|\s*[-–]\s*)$"  # "52% to 41%", "52-41%"
)
_FIRST_SCORE_RE = re.compile(
    rf"(?:(?P<leader>{_SCORE_NAME})\s+"
    rf"(?:(?:is|was|now|still|well|far|comfortably|{MODAL}|[a-z]+ly)\s+)*"
    r"(?:leading|leads|led|beating|beat|beats|ahead\s+of|over)"
    rf"|\bprefers?\s+(?P<preferred>{_SCORE_NAME})\s+(?:to|over))"
    # the rival, named (or described after a name-like word), then the first figure
    r"\s+(?:(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3}?|him|her|them),?\s+$"
)
_REPORTING_VERBS = "|".join(VERBS)
# A figure inside a relative clause about a name: "Jo Okafor of Westmarch, who won,
# 52% to 41%", "Acme, which earned $2bn": the name's. Not a saying verb ("Okafor,
# who said 40% of voters ..."): what is said has subjects of its own.
_IN_RELATIVE_CLAUSE_RE = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
    r"(?:\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w'’-]*)?)?,\s+(?:who|which)\s+"
    rf"(?!(?:{SAYING_VERBS}|{_REPORTING_VERBS}|the|a|an|his|her|its|their)\b)"
    r"(?:[a-z]+\s+){0,3}[a-z]+,?\s+$"
)
# A figure that opens a "where" clause about a place: "in Ohio, where 66 delegates are at
# stake" (Ohio's); not "in Ohio, where Lee won 52%" or "where she won 52%", whose clause
# has a subject of its own.
_WHERE_CLAUSE_RE = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+where\s+"
    rf"{context.SHARE_APPROXIMATORS}$"
)
# Every match of _CONTROLLED_RE contains one of these (its verb).
_CONTROLLED_STEMS = ("ordered", "forced", "required", "compelled", "want", "urge", "pressed")
# Who is made or wanted to do what the figure is the object of: "regulators ordered
# Acme to pay $5m", "prosecutors wanted the firms to repay $28bn": Acme's, the firms'.
_CONTROLLED_RE = re.compile(
    r"\b(?:ordered|forced|required|compelled|wanted|wants|urged|urges|pressed)\s+"
    r"(?!(?:in|on|at|to|for|of|by|with|from|into)\b)"
    r"(?P<who>(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+to\s+"
    r"(?:[\w\"“”'’-]+\s+){1,3}$"
)
# The rival named after a lead's two shares: "a lead of 48% to 41% over Lee": the 41%
# is Lee's.
_LEAD_OF_BEFORE_RE = re.compile(
    r"\blead\s+of\s+\d[\d.,]*\s*(?:%|percent|per\s+cent|points?)?\s+to\s+$", re.IGNORECASE
)
_RIVAL_AFTER_RE = re.compile(
    rf"\s*(?:%|percent|per\s+cent|points?)?\s+over\s+(?:the\s+)?(?P<name>{_SCORE_NAME})"
)
_NOUN_AFTER_RE = re.compile(r"\s+[a-z]")
# "the government's $90bn claim", "the government's planned 5% rise": the figure's
# holder is a government, which the article's country names.
_POSSESSIVE_RE = re.compile(r"['’]s\s")
_GOVERNMENT_BEFORE_RE = re.compile(r"\b[Tt]he\s+government['’]s\s+(?:[a-z][\w-]*\s+){0,2}$")
# A second predicate joined by "and" right before the figure: "and had 85", "and now
# employs 300", "and sends just 12". Its verb is a past form, a third-person one or a
# common irregular past.
_COORDINATED_PREDICATE_RE = re.compile(
    r"\band\s+(?:(?:also|then|now|still|later)\s+)?"
    r"(?:[a-z]+ed|[a-z]+[^s\W]s|had|has|have|cut|paid|made|won|lost|sold|bought|spent|sent|got"
    r"|took|gave|put|hit|set|kept|held|saw|ran|brought|drew|grew|rose|fell)\s+"
    r"(?:(?:the|its|their|his|her|just|only|about|nearly|almost|some|more\s+than)\s+)?$"
)
_OPENING_PRONOUN_RE = re.compile(r"(?:He|She|It)\b")
# A company's own measure after "its": "Its shares rose 4%", "its net profit fell".
_ITS_HOLDING_RE = re.compile(
    r"\b[Ii]ts\s+(?:[a-z-]+\s+)?(?:shares|stock|share\s+price|profits?|revenues?|sales"
    r"|earnings|workforce|staff|market\s+value)\b"
)
# "It" as the doer of a clause that holds a figure, where the clause opens with it, or
# with a short phrase of time or place before a comma ("In May, it sold 90 cars"). Not an
# "it" that stands for nothing ("It is likely that", "It took three years to",
# "It comes two days after"): a verb of being, seeming, taking or happening follows that.
_IT_OPENS_RE = re.compile(
    r"(?:(?:In|By|On|At|For|Over|During|Since|Last|This|Then)\b[^,;.]{1,30},\s+)?"
    r"[Ii]t\s+(?:also\s+|now\s+|then\s+|still\s+)?(?P<verb>[a-z]+|['’]s)"
)
_IT_DOES_NOT_RE = re.compile(
    r"(?:is|was|['’]s|isn|wasn|seems?|seemed|appears?|appeared|remains?|remained|takes?|took"
    r"|comes?|came|costs?|means?|meant|looks?|looked|follows?|followed|happened|matters"
    r"|emerged|turned|weighs?|weighed)"
)
# A modal or "has" before a verb of being: "it will be", "it has been", "it could be".
_IT_MODAL_BE_RE = re.compile(r"\s+(?:not\s+)?(?:be|been)\b")
_IT_MODALS = frozenset("will would could may might must should can has had have".split())
# The named event a span of time counts down to, after the span: "... left before the
# Westmarch referendum", "... ahead of the Zembla primary" ("the election" alone may be
# any).
_AWAITED_EVENT_RE = re.compile(
    r"\s+(?P<left>(?:remaining|left|to\s+go)\s+)?(?:until|till|before|ahead\s+of)\s+"
    r"(?:the\s+|this\s+|next\s+)?(?P<event>(?:[A-Z][\w'’.-]*\s+){1,3}(?:[a-z]+\s+)?"
    r"(?:caucus(?:es)?|primary|primaries|elections?|vote|referendum|convention|debate"
    r"|summit|Games|Olympics|deadline))\b"
)
_SPAN_OF_TIME_RE = re.compile(r"\b(?:hours?|days?|weeks?|months?|years?)$")
# A span that is itself the time of something, not how long someone did something ("was
# jailed for ten years before the vote"): it opens its clause ("Three weeks before the
# primary, ..."), or an event comes or falls then ("The debate came 15 days before").
_SPAN_AS_TIME_RE = re.compile(
    r"(?:^|[,;:(]\s*|\b[Ww]ith\s+|\b(?:came|comes|come|falls|fell|fall|is|was|are|were)\s+)"
    r"(?:(?i:just|only|some|about|nearly|almost|barely|less\s+than|more\s+than)\s+)?$"
)
_ITS_RE = re.compile(r"\b[Ii]ts\b")
_PERSON_PRONOUNS = frozenset("he she his her him".split())
_PRONOUN_WORDS = _PERSON_PRONOUNS | frozenset("it its they them their us we me you".split())
_PRONOUN_RE = re.compile(r"\b(?:he|she|his|her|him|it|its|they|their|the\s+\w+)\b", re.I)
_ADJECTIVE_ENDINGS = ("ic", "ian", "ean", "ese", "ish", "ern", "al", "an")
# "the" or "a" with at most one word before a name ("the 9,000-seat"): the name is no
# person's.
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w.,-]*[\w.-]\s+)?$")
# Names of times, not of anyone: "New Year", "Election Day".
_TIME_NAMES = frozenset("Year Day Eve Week Weekend Christmas Easter".split())
# Alone, after an ordinal, a time: "the 21st Century" (not "the New American Century").
_ERA_NAMES = frozenset("Century Millennium".split())
# A time in the possessive says when, not whose: "today's jobless rate", "last
# year's profit" are the rate and the profit of whoever the article is about.
_TIME_NOUNS = frozenset(
    "today yesterday tomorrow tonight day week weekend month quarter year decade".split()
)
_TITLE_RE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Prof|Sir|Lord|Lady)\.?\s+")


@dataclass(frozen=True)
class _Candidate:
    rank: int
    distance: int
    name: str
    span: tuple[int, int] = (0, 0)  # where the name stands in the sentence


_OPENING_MARKS = " \t\n\"'“‘(["
# Patterns of the small helpers below, compiled once (they run for every name).
_POSSESSED_NAME_RE = re.compile(r"['’]s\s+(?=[A-Z])")
_INNER_DOT_RE = re.compile(r"\.\w")
# A capital not preceded by a word character, an apostrophe or a hyphen. The look-behind
# comes after the capital so that the scan can skip ahead to capitals only.
_CAPITAL_WORD_RE = re.compile(r"[A-Z](?<![\w'’-][A-Z])[\w&.'’-]*")
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")


# A social-media handle of words run together, each capitalised: "@JoRivers".
_HANDLE_RE = re.compile(r"(?:[A-Z][a-z]+){2,3}")


def _handle_words(sentence: str, found: str, text: str) -> str | None:
    """The name a social-media handle after "@" runs together, when the article writes
    that name with spaces too: "@JoRivers" is Jo Rivers in a story that names her; a
    brand's handle ("@PayPal") stays as written."""
    if not _HANDLE_RE.fullmatch(found) or f"@{found}" not in sentence:
        return None
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", found)
    return spaced if _written_in(text, spaced) else None


@lru_cache(maxsize=512)
def _whole_word_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


@lru_cache(maxsize=256)
def _its_noun_res(noun: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "its <noun>" where it opens a sentence, and where it opens a clause after a break."""
    its = rf"[Ii]ts\s+{re.escape(noun)}\b"
    return re.compile(its), re.compile(rf"(?:[,;:]\s+(?:and|but)?|\b(?:and|but))\s*{its}")


@lru_cache(maxsize=256)
def _written_in(text: str, name: str) -> bool:
    """Whether the text writes the name as a whole word (asked once per article and name,
    however many figures a handle has)."""
    return _whole_word_re(name).search(text) is not None


# A deal that joins two parties, named by them: "a link-up between Acme and Ohio-based
# Globex", "the proposed merger of Acme and Globex".
_DEAL_RE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:proposed|planned|possible|potential|"
    r"rumoured|rumored|mooted)\s+)?(?P<deal>merger|tie-up|link-up|combination|alliance"
    r"|joint\s+venture|takeover|deal)\s+(?:between|of)\s+(?:[A-Za-z.]+-based\s+)?"
    rf"(?P<a>{_SCORE_NAME})\s+and\s+(?:[A-Za-z.]+-based\s+)?(?P<b>{_SCORE_NAME})\b"
)
_DEAL_REACH = 160


_MONEY_FIGURE_RE = re.compile(r"[$£€¥]|\b(?:[A-Z]{3}|dollars?|euros?|pounds?|yen|yuan)\b")


def _deal_before(sentence: str, start: int, end: int) -> str | None:
    """The deal an amount of money after it is about, as "Acme-Globex merger", when the
    sentence names one before the amount and nothing else the amount could be of."""
    if not _MONEY_FIGURE_RE.search(sentence, start, end):
        return None  # "Since the merger of Acme and Globex, 40% of customers ...": theirs
    deals = list(_DEAL_RE.finditer(sentence, max(0, start - _DEAL_REACH), start))
    if not deals:
        return None
    last = deals[-1]
    names = [_clean_name(last["a"]), _clean_name(last["b"])]
    if not all(names):
        return None
    return f"{names[0]}-{names[1]} {last['deal']}"


def _awaited_event(sentence: str, start: int, end: int) -> str | None:
    """The named event a span of time counts down to: "12 days left before the Westmarch
    referendum", "Three weeks ahead of the Zembla primary, ..."; not a span someone did
    something for ("served for eight years before the Dunmore election")."""
    if not _SPAN_OF_TIME_RE.search(sentence, start, end):
        return None
    awaited = _AWAITED_EVENT_RE.match(sentence, end)
    if awaited is None:
        return None
    if awaited["left"] or _SPAN_AS_TIME_RE.search(sentence, max(0, start - 40), start):
        return awaited["event"]
    return None


def _clause_opening_it(sentence: str, start: int) -> str | None:
    """How "it" opens the clause of the figure at `start`, if it does: "does" when it
    does something ("In June, it ordered 25 trains", "It will cut 300 jobs"), "is" when
    it stands for nothing the clause tells or only is, costs or weighs something ("It is
    likely that 20% ...", "It costs $9", "It has been 12 years")."""
    opening = _lead(sentence)
    near = max(opening, start - _WINDOW)
    semicolon = max(sentence.rfind(";", near, start), sentence.rfind(":", near, start))
    if semicolon >= 0:  # "...; it also cut 300 jobs"
        opening = _lead(sentence, semicolon + 1)
    it = _IT_OPENS_RE.match(sentence, opening, start)
    if it is None or _CLAUSE_PUNCTUATION_RE.search(sentence, it.end(), start):
        return None
    verb = it["verb"]
    if verb in _IT_MODALS:  # "it will cut", "it has cut"; "it will be", "it has been"
        return "is" if _IT_MODAL_BE_RE.match(sentence, it.end()) else "does"
    return "is" if _IT_DOES_NOT_RE.fullmatch(verb) else "does"


def _can_be_it(subject: str) -> bool:
    """Whether "it", as the doer of a clause, can stand for a subject: one thing, not a
    person nor several ("Acme and Globex"), nor a stray letter."""
    return len(subject) > 1 and " and " not in subject and not is_person_name(subject)


def _lead(sentence: str, pos: int = 0) -> int:
    """Where the first word at or after `pos` starts, past quote marks and brackets."""
    rest = sentence[pos:] if pos else sentence
    return pos + len(rest) - len(rest.lstrip(_OPENING_MARKS))


def _trim_opener(
    chunk: str,
    names: frozenset[str] | None,
    common: Set[str] | None = None,
    after: str = "",
) -> str:
    """Drop capitalised words that only open the sentence: 'Counting', 'Rival Acme' ->
    'Acme'. A word the article also capitalises mid-sentence, an acronym or a word
    with a digit stays."""
    if names is None:
        return chunk
    words = chunk.split()
    while words:
        bare = context.bare(words[0]).rstrip("'’")  # "Rivers'": a plural's possessive
        possessor = bare != words[0] and words[0].endswith(("'s", "’s", "s'", "s’"))
        if possessor and len(words) == 1 and not context.is_pronoun_like(bare):
            break  # "Ruritania's exports": a possessor is a name ("Let's" is no possessor)
        if bare in names or (bare.isupper() and len(bare) > 1) or any(map(str.isdigit, bare)):
            break
        if (
            len(words) == 1
            and _SUBJECT_VERB_RE.match(after)
            and bare.lower() not in (common or ())
            and not _ABSTRACT_NOUN_RE.search(bare)
        ):
            break  # "Zembla shipped 500 tractors": the subject of a verb, never lower case
        if places.country_code(bare) or places.demonym_country(bare):
            break
        if len(words) > 1 and DEMONYM.search(bare) and is_people_plural(words[1]):
            break  # "Asian Americans": one group of people, not "Americans"
        if len(words) > 1 and places.is_place(f"{bare} {context.bare(words[1])}"):
            break  # "New York", "North Dakota": the opening word is part of a place
        if len(words) > 1 and context.bare(words[1]) not in names and words[1][:1].isupper():
            break  # "Acme Industries" named only at sentence starts is still one name
        words = words[1:]
        while words and words[0] in ("of", "and", "for", "the"):
            words = words[1:]
    return " ".join(words)


_PLURAL_POSSESSIVE_RE = re.compile(r"(?<=s)['’]$")
_PLURAL_POSSESSIVE_AFTER_RE = re.compile(r"['’](?![\w'’])")


# Party words written before a member's name, besides those DEMONYM knows.
_PARTY_WORDS = frozenset("Tory Labour Conservative Liberal Green Unionist Nationalist".split())
# Party labels written before a member's name.
_PARTY_LABELS = _PARTY_WORDS | {"Democrat", "Democratic", "Republican"}


# A legislator's party and state: "R-Fla", "D-N.Y", "I-Vt".
_PARTY_AND_STATE_RE = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,8}")


@lru_cache(maxsize=8192)  # each figure of a sentence reads the chunks before it again
def _as_subject(name: str) -> str | None:
    """A chunk as a subject: 'Acme's Widget' -> 'Widget' (the possessed name), a title
    dropped ('Coach Jo Smith' -> 'Jo Smith'), a country adjective -> its country."""
    if _PARTY_AND_STATE_RE.fullmatch(name.rstrip(".")):
        return None  # "Jo Lee (R-Wash.)": a label of the name before it
    parts = _POSSESSED_NAME_RE.split(name)
    while parts and not (name := _without_measure(parts[-1])):
        parts.pop()  # "Zembla's GDP": Zembla's; "Real GDP" alone: no one's
    if not parts:
        return None
    name = _PLURAL_POSSESSIVE_RE.sub("", name)  # "Rivers’ appeal": Rivers
    if name.endswith(".") and not _INNER_DOT_RE.search(name) and len(name.split()[-1]) > 2:
        name = name[:-1]  # "in July." ends the sentence; "U.S." keeps its dots
    words = _drop_titles(_TITLE_RE.sub("", name).split())
    if len(words) > 1 and places.demonym_country(words[-1]):
        words = words[:-1]  # "Acme's European": an adjective whose noun is lower case
    if (
        len(words) > 2
        and (DEMONYM.search(words[0]) or words[0] in _PARTY_WORDS)
        and is_person_name(" ".join(words[1:]))
    ):
        words = words[1:]  # "Liberal Jo Rivers", "Tory Jo Rivers": the person
    if not words or not words[0][:1].isupper() or words[-1] in _TIME_NAMES:
        return None
    if len(words) == 1 and (words[0] in context.NOT_SUBJECTS or words[0] in _ERA_NAMES):
        return None  # "May." closing a sentence is the month
    name = " ".join(words)
    if len(words) == 1 and (code := places.demonym_country(name)):
        return places.country_name(code)
    return name


def _without_measure(name: str) -> str:
    """A capitalised chunk without the indicator it ends with: "Zembla GDP" -> "Zembla",
    "Real GDP" -> "" (an indicator names what is measured, not whose it is)."""
    words = name.split()
    if words and words[-1].endswith("."):
        words[-1] = words[-1][:-1]  # "... 90% of GDP." ends the sentence
    if not words or words[-1] not in context.MEASURE_ACRONYMS:
        return name.strip()
    while words and words[-1] in context.MEASURE_ACRONYMS:
        words.pop()
    while words and words[-1] in context.MEASURE_QUALIFIERS:
        words.pop()
    return " ".join(words)


def _drop_titles(words: list[str]) -> list[str]:
    """'Foreign Secretary Jo Smith' -> 'Jo Smith', 'Secretary of State Jo Smith' ->
    'Jo Smith': the person after the last title word, when a person's name follows."""
    for index in range(len(words) - 2, -1, -1):
        if words[index].lower().rstrip(".") not in TITLES:
            continue
        tail = words[index + 1 :]
        if len(tail) > 2 and tail[0] == "of":
            tail = tail[2:]  # "of State", "of Defence": the office, not the person
        if is_person_name(" ".join(tail)):
            return tail
    return words


def _is_adjective(sentence: str, chunk: str, end: int) -> bool:
    """A lone capitalised adjective before a lower-case noun: 'Democratic voters'."""
    if " " in chunk or not chunk.endswith(_ADJECTIVE_ENDINGS) or places.is_place(chunk):
        return False
    if places.demonym_country(chunk):
        return False  # "German growth": about Germany
    return bool(context.LOWER_WORD_NEXT_RE.match(sentence, end)) and not _SUBJECT_VERB_RE.match(
        sentence, end
    )


# The document a form's code labels: "the FEB form", "its K-10 filing".
_DOCUMENT_NOUN_AFTER_RE = re.compile(r"\s+(?:form|forms|filing|filings|disclosure|document)\b")
# A share and its copula right before a name: "16 percent were Latino".
_SHARE_COPULA_BEFORE_RE = re.compile(
    rf"\d[\d.,]*\s*(?:%|percent|per\s+cent)\s+{COPULA}\s+(?:[a-z]+ly\s+)?$"
)
# A name ending in a party's adjective, before the contest it qualifies.
_PARTY_ADJECTIVE_END_RE = re.compile(rf"\s(?:{PARTY_WORD})$")
_EVENT_NOUN_AFTER_RE = re.compile(
    rf"\s+(?:presidential\s+)?(?:{VOTE_EVENT}|(?:race|contest|nomination|debate)\b)"
)


def _is_source(sentence: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is the one who gives the figure ("Acme said",
    "according to Acme"), unless it speaks of itself ("Acme said it sold 40 cars")."""
    m = _SOURCE_AFTER_RE.match(sentence, end)
    if m and not (
        _SELF_REPORT_RE.match(sentence, m.end()) or _OWN_RESULTS_RE.match(sentence, m.end())
    ):
        return True
    return _source_named_before(sentence, start) and not (
        _REPORTED_CLAUSE_VERB_RE.match(sentence, end)
    )


def _source_named_before(sentence: str, start: int) -> bool:
    """Whether the words before `start` make what follows a source: "according to",
    "said", "told"."""
    lo = max(0, start - 60)
    if not context.may_hold_any(sentence, ("accord", "said", "says", "told"), lo, start):
        return False  # every phrase of the pattern holds one of these
    return _SOURCE_BEFORE_RE.search(sentence, lo, start) is not None


# An auxiliary after a name that follows "said": the name opens the reported clause
# ("Lee said Acme will cut 500 jobs": Acme's jobs), where after an inverted quote it
# is the source ('"Sales rose," said Acme.').
_REPORTED_CLAUSE_VERB_RE = re.compile(
    r"\s+(?:will|would|could|can|may|might|should|must|has|have|had|is|are|was|were)\b"
)


def _after_figure_subject(sentence: str, end: int) -> str | None:
    """'9% at Acme' in a list of such figures, '12% for Smith', '40% back Smith'."""
    m = _AFTER_FIGURE_RE.match(sentence, end)
    if not m:
        return None
    name = context.trim_chunk(m["name"]) or ""
    if m["poll"] and (
        m["name"].endswith(("'s", "’s")) or sentence.startswith(("'s", "’s"), m.end("name"))
    ):
        return None  # "38% who support the GOP's refusal": the refusal, not the GOP
    if name and m["poll"] and _is_adjective(sentence, name, m.end("name")):
        # "40% back former Democratic governor Jo Smith": the name after the adjective
        later = _CHUNK_RE.search(sentence, m.end("name"), m.end("name") + 40)
        name = context.trim_chunk(later.group(1)) or "" if later else ""
    if not name:
        return None
    if m["prep"]:
        nearby = sentence[max(0, end - _LIST_REACH) : end + _LIST_REACH]
        listed = len(_LIST_ITEM_RE.findall(nearby)) >= 2
        if not listed:
            return None  # "sold 300 cars in Ruritania": where, not whose
    return _as_subject(name)


def _country_after(sentence: str, end: int) -> str | None:
    """A country the figure is counted in: '130m parcels were shipped in Zembla'."""
    m = _COUNTRY_AFTER_RE.match(sentence, end, end + 80)
    if not m or sentence[m.end() : m.end() + 1].isalnum():
        return None  # none, or a name the window cut ("India" of "Indiana")
    if places.demonym_country(m["name"].rstrip(".")):
        return None  # "speaking in Spanish": a language, not a country
    name = _clean_name(m["name"]) or ""
    code = places.country_code(name)
    return places.country_name(code) if code is not None else None


# A model's number right after a name: "PlayStation 2", "Boeing 757", "Windows 10"; not a
# figure with its unit or scale ("Acme 34 percent", "Globex 2 million").
_MODEL_NUMBER_RE = re.compile(
    r"[ \t]+(?P<n>\d{1,4})\b(?![.,]\d)(?!\s*(?:%|percent|per\s+cent|points?|[mb]n\b|million"
    r"|billion|trillion|thousand|year|month|week|day|hour)\b)"
    # then punctuation, a verb, or a singular noun ("Boeing 757 airliner"; not "11 seats")
    r"(?=[ \t]*(?:[,.;:)]|$)|\s+(?:was|is|has|had|will|would|can|could|may|might"
    r"|[a-z]+ed|[a-z]*[^s\W\d_])\b)"
)


# A name's place right after it: "Acme Golf Club in Dunmore", "... in Dunmore, Zembla".
_NAME_IN_BEFORE_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}(?P<last>[A-Z][\w'’.-]*))\s+in\s+"
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s+)?$"
)


def _locates_a_name(sentence: str, c0: int, lead: int, names: frozenset[str] | None) -> bool:
    """Whether the place at c0 says where the name right before it is ("Acme Golf Club
    in Dunmore"), not whose a figure is: not after a sentence adverb or a participle
    ("Meanwhile in Zembla", "Campaigning in Dunmore"), nor after a capitalised word
    that only opens the sentence ("Banks in Zembla")."""
    m = _NAME_IN_BEFORE_RE.search(sentence, max(0, c0 - 80), c0)
    if m is None:
        return False
    last = m["last"]
    if last in context.NOT_SUBJECTS or last.endswith("ing"):
        return False
    first = m["name"].split()[0].strip("'’")
    return m.start() != lead or (names is not None and first in names)


def _takes_a_model_number(chunk: str) -> bool:
    """Whether a number after the name may be part of it: not after a month or a day
    ("Nov. 9", "Orlando July 8") nor a label ("No. 19")."""
    last = chunk.split()[-1].rstrip(".")
    return not (
        last in CALENDAR_NAMES or last in context.NOT_SUBJECTS or last.lower() in ("no", "nos")
    )


def _candidates(
    sentence: str,
    start: int,
    names: frozenset[str] | None,
    common: Set[str] | None = None,
) -> list[_Candidate]:
    offset = max(0, start - _WINDOW)
    if offset == 0:
        offset = dateline_end(sentence)  # "FORT PIERCE, Fla. - ": where, not whose
    lead = _lead(sentence[:start]) if offset == 0 else -1  # the window holds the opening
    found = []
    for m in _CHUNK_RE.finditer(sentence, offset, start):
        c0, c1 = m.start(1), m.end(1)
        raw = m.group(1)
        if c0 == lead:
            trimmed = _trim_opener(raw, names, common, sentence[c1 : c1 + 60])
            c0 += len(raw) - len(trimmed)
            raw = trimmed
        initial = c0 == lead
        chunk = context.trim_chunk(raw, initial=initial, common=common) if raw else None
        if not chunk:
            continue
        at = sentence.find(chunk, c0, c1 + 1)
        if at >= 0:  # the trimmed chunk's own span: "Congress" in "Congress for"
            c0, c1 = at, at + len(chunk)
        model = _MODEL_NUMBER_RE.match(sentence, c1)
        if model and c0 != lead and model.end() < start and _takes_a_model_number(chunk):
            # "Sony's PlayStation 2 was the top seller with 47%": a model's number is
            # part of its name (numbers.py reads it as no figure)
            chunk, c1 = f"{chunk} {model['n']}", model.end()
        possessive = (
            sentence.startswith(("'s", "’s"), c1)
            or raw.endswith(("'s", "’s"))
            or bool(_PLURAL_POSSESSIVE_RE.search(raw))
            or (chunk.endswith("s") and _PLURAL_POSSESSIVE_AFTER_RE.match(sentence, c1) is not None)
        )  # "Acme Motors' share": a name ending in s takes the apostrophe alone
        # "Dunmore City casinos earned", "the two Beacon titles employ": the name's group
        group = _GROUP_COMPOUND_RE.match(sentence, c1)
        if group and (group["noun"] not in _GROUP_NOUNS or group.end() > start or possessive):
            group = None
        if _NUMBER_BEFORE_RE.search(sentence, max(0, c0 - 12), c0):
            continue  # "at 0900 GMT", "70 Airbus jets": part of a time or a count
        reporting_group = False
        if _is_source(sentence, c0, c1):
            if not _group_before(sentence, c0):
                continue
            reporting_group = True  # "casinos in Zembla reported $2bn": their own results
        if _is_adjective(sentence, chunk, c1):
            continue  # "Democratic voters", "Baltic ports": a modifier, not a name
        if _PARTY_ADJECTIVE_END_RE.search(chunk) and _EVENT_NOUN_AFTER_RE.match(sentence, c1):
            continue  # "the Zembla Republican primary": which primary, not whose figure
        if chunk.isupper() and _DOCUMENT_NOUN_AFTER_RE.match(sentence, c1):
            continue  # "Lee's new FEB form stated that her revenue rose": a form's code
        if chunk.isupper() and " " in chunk and sentence.startswith(":", c1):
            continue  # "FACT OF THE DAY: $43 million ...": a rubric, not a name
        if _SHARE_COPULA_BEFORE_RE.search(sentence, max(0, c0 - 30), c0) and DEMONYM.search(chunk):
            continue  # "16 percent were Latino and 3 percent": what they were, not whose
        if group is not None:
            c1 = group.end()  # the group stands where its name would
        if places.demonym_country(chunk) and not _NOUN_AFTER_RE.match(sentence, c1):
            continue  # "the 34-year-old Zemblan, seeded third": a person, not Zembla
        if _DESCRIPTION_RE.match(sentence, c1) or _spelled_out(sentence, chunk, c0, c1):
            continue
        if _inside_aside(sentence, offset, c0, c1, start):
            continue  # "Acme, which owns Globex, sold 40%": Globex is aside from the figure
        if _inside_closed_quote(sentence, offset, c0, c1, start):
            continue  # "ran on the slogan “Experience Counts” for eight years": a title
        if _PAYEE_BEFORE_RE.search(sentence, max(0, c0 - 20), c0) and _FIGURE_NEXT_RE.fullmatch(
            sentence, c1, start
        ):
            continue  # "the Acme campaign paid Beacon LLC $35,000": the payer's money
        if _locates_a_name(sentence, c0, lead, names):
            continue  # "Acme Golf Club in Dunmore, Zembla, was paid $29,715": where Acme is
        if _in_participle_opener(sentence, lead, c1, start):
            continue  # "Meeting in Brussels, ministers of 12 countries": where, not whose
        clause_start = _clause_start(sentence, offset, c0)
        after_prep = bool(_PREPOSITION_BEFORE_RE.search(sentence, max(0, c0 - 16), c0))
        if after_prep and _SUBORDINATOR_BEFORE_RE.search(sentence, max(0, c0 - 10), c0):
            # "after Acme announced it was cutting 600 jobs": a conjunction opening a
            # clause whose subject the name is, not a preposition
            after_prep = not _SUBJECT_VERB_RE.match(sentence, c1)
        verb_before = bool(_VERB_RE.search(sentence, clause_start, c0))
        same_clause = not _CLAUSE_BREAK_RE.search(sentence, c1, start)
        # ", with Acme owning the other 40%", ", with Lee gaining four seats and Okafor
        # losing two": the name does what the participle says, as a clause's subject
        doer = (
            same_clause
            and _PARTICIPLE_AFTER_RE.match(sentence, c1) is not None
            and _WITH_DOER_RE.search(sentence, max(0, c0 - _WITH_REACH), c0) is not None
        ) or _WHO_CLAUSE_TO_FIGURE_RE.fullmatch(sentence, c1, start) is not None
        after_prep = after_prep and not doer
        if reporting_group:
            rank = 3
        elif _LABEL_BEFORE_FIGURE_RE.fullmatch(sentence, c1, start) or (
            _ITEM_LABEL_BEFORE_FIGURE_RE.fullmatch(sentence, c1, start)
            and _LIST_ITEM_OPENS_RE.search(sentence, max(0, c0 - 120), c0)
        ):
            rank = 0  # "Acme 34 percent, Globex 11 percent": each figure after its name
        elif possessive and same_clause:
            rank = 1
        elif (doer or _SUBJECT_VERB_RE.match(sentence, c1)) and not after_prep:
            rank = 2
        elif after_prep:
            if verb_before or not _HOLDER_PREPOSITION_RE.search(sentence, max(0, c0 - 16), c0):
                continue  # "... rose 5% in Paris", "a deficit with Zembla": not whose
            if _HOLDING_IN_RE.search(sentence, max(0, c0 - 24), c0):
                continue  # "investments in Acme worth $1m": the investor's, not Acme's
            if _TRADE_PARTNER_BEFORE_RE.search(sentence, max(0, c0 - 24), c0):
                continue  # "imports from Zembla rose 4%": the importer's
            rank = 3  # "profits at Acme rose", "prices in Ruritania": the measure's holder
        else:
            rank = 4
        subject = _as_subject(chunk)
        if subject and group is not None:
            subject = f"{subject} {group['noun']}"
        elif subject and (body := _BODY_AFTER_RE.match(sentence, c1)):
            subject = f"{subject} {body['noun']}"  # "the Rivers campaign paid": the campaign
        if subject:
            found.append(_Candidate(rank, start - c1, subject, (c0, c1)))
    return found


# A clause opened by "with", a name and a participle, whose doer the name is: ", with
# Acme owning the other 40%", "With Okafor injured for two matches, ...", or the second
# such name after "and" (", with Lee gaining four seats and Okafor losing two"). Not a
# "with" after a verb or a noun ("signed a deal with Globex valued at $2bn").
_WITH_DOER_RE = re.compile(
    r"(?:^|[,;(—–]\s*)[Ww]ith\s+(?:[A-Z][^,;:.]*?\s+[a-z]{2,}ing\b[^,;:.]*?\s+and\s+)?$"
)
_WITH_REACH = 100
# A relative clause about a name that runs on to the figure: "the memoir of Jo Okafor,
# who ran the port authority for 11 years": Okafor's years. Not one that opens a clause
# of its own on the way (a "that", "which", "when" or "than" clause, whose subject may
# be another), nor one that reports someone's words.
_WHO_CLAUSE_TO_FIGURE_RE = re.compile(
    rf",\s+who\s+(?!(?:{SAYING_VERBS}|{_REPORTING_VERBS})\b)"
    r"(?:(?!\b(?:that|which|whose|where|when|while|if|because|than)\b)[^,;:.()\"“”]){0,100}"
)
# A participle right after a name ("Acme owning", "Okafor injured"); not a preposition or
# a noun that ends the same way ("during", "including", "meeting", "building").
_PARTICIPLE_AFTER_RE = re.compile(
    r"\s+(?:now\s+|still\s+)?(?!(?:during|including|following|according|regarding|concerning"
    r"|excluding|pending|notwithstanding|meeting|building|evening|morning|spring|king|thing"
    r"|sibling|wedding|ceiling|ring|being)\b)[a-z]{2,}(?:ed|ing)\b"
)
# A sentence opening on a participle and where it happened: "Meeting in Brussels, ...",
# "Speaking at a rally in Dunmore, ...".
_PARTICIPLE_OPENER_RE = re.compile(r"[A-Z][a-z]+ing\s+(?:in|at|on|from|with|outside|near)\s")


def _in_participle_opener(sentence: str, lead: int, c1: int, start: int) -> bool:
    """Whether a name ending at c1 is in an opening participle phrase ("Meeting in
    Brussels,") that a comma closes before the figure at `start`."""
    if lead < 0 or not _PARTICIPLE_OPENER_RE.match(sentence, lead):
        return False
    comma = sentence.find(",", lead, start)
    return comma >= c1


# "Jo Smith, who ... preferred to cut the rate to 2%": a long relative clause whose
# figure belongs to the person it is about, named before the window of _candidates.
_WHO_ANTECEDENT_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*),\s+who\b")
_WHO_WINDOW = 400


# Plural nouns for a group of bodies or people a figure can be about: "Zembla's casinos
# earned", "banks in Zembla may sell". A closed list: other plurals after a name are
# most often what is measured ("Zembla's exports") or said ("Acme's plans").
_GROUP_NOUNS = frozenset(
    """casinos banks lenders insurers firms companies businesses stores shops retailers
    factories plants mines refineries hospitals clinics schools universities colleges
    airlines carriers carmakers automakers manufacturers farms farmers workers employees
    voters residents citizens households consumers customers users members supporters
    students graduates teachers doctors nurses patients drivers homeowners renters
    exporters importers producers utilities railways ports airports restaurants hotels
    newspapers broadcasters charities unions councils states provinces regions cities
    counties games titles""".split()
)
# Groups of people: a name before one picks one group of many ("Whig voters", "Lee
# supporters"), so a later "the voters" is not that group.
_PEOPLE = frozenset(
    """farmers workers employees voters residents citizens households consumers customers
    users members supporters students graduates teachers doctors nurses patients drivers
    homeowners renters""".split()
)
# A group noun right after a name: "Dunmore City casinos", "Beacon titles".
_GROUP_COMPOUND_RE = re.compile(r"\s+(?P<noun>[a-z]+)\b(?!['’-])")
# "Zembla's eight remaining casinos": the name's group, past up to two modifiers.
_GROUP_AFTER_RE = re.compile(r"['’]s\s+(?P<words>(?:[\w-]+\s+){0,2}[a-z]+)\b")
# "Banks in Zembla will", "the remaining casinos in Zembla earned", "supporters of
# Okafor say": the group opening its clause, past up to two modifiers.
_GROUP_BEFORE_RE = re.compile(
    r"(?:^|[,;:]\s+|\b(?:[Tt]he|of|at|for|[Aa]mong)\s+(?:[a-z][\w-]*\s+){0,2})"
    r"(?P<noun>[A-Za-z][a-z]{2,}s)\s+(?P<prep>in|from|of)\s+(?:the\s+)?$"
)


def _group_of(sentence: str, best: _Candidate, start: int) -> str | None:
    """The group of a name a figure is about, in the text's words: "Zembla's eight
    casinos" -> "Zembla's casinos", "Banks in Zembla" -> "banks in Zembla"; None when no
    such group stands with the name."""
    c0, c1 = best.span
    if c1 == 0 or c1 > start:
        return None
    after = _GROUP_AFTER_RE.match(sentence, c1)
    if after and after.end("words") <= start:
        group = next((w for w in after["words"].split() if w in _GROUP_NOUNS), None)
        if group:
            return f"{best.name}{sentence[c1 : c1 + 2]} {group}"
    before = _group_before(sentence, c0)
    if before and not sentence.startswith(("'s", "’s"), c1):
        name = sentence[c0:c1]
        label, _, person = name.partition(" ")
        if label in _PARTY_LABELS and is_person_name(person):
            name = person  # "supporters of Democrat Jo Lee" are Lee's
        between = sentence[before.end("noun") : c0].strip()
        return f"{before['noun'].lower()} {between} {name}"
    return None


# The group a share is of, after the figure: "35% of nurses", "11 out of the top 30
# clinics", "a quarter of the workforce". The head is a plural common noun or a collective
# one; its modifiers are numbers, capitalised words ("of Zemblan voters") or words shaped
# like adjectives, so that a verb after a singular noun ("of the vote goes") is no head.
_POPULATION_MODIFIER = (
    r"(?:\d[\d,]*|[A-Z][\w-]*|top|other|young|older|younger|likely|registered|eligible|primary|"
    r"undecided|first-time|white|black|rural|urban|"
    r"major|small|large|[a-z-]+(?:ic|ian|ean|ese|ish|ern|al|ed|ing|ive|ent|ant))"
)
# A share written as a figure or in words: "26%", "two-thirds", "a quarter", "one in five".
_SHARE_WORDS = (
    r"(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|half|two-thirds|three-quarters"
    r"|(?:a|one|two|three)[\s-]+(?:third|quarter|fifth|tenth)s?"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:\d+|ten))"
)
# Where a group's noun phrase ends: a verb, a clause or a preposition follows, not
# another noun ("a quarter of the rules committee", "0.5% of votes cast"), or another
# group's share ("30% of Democrats and a third of Independents"; not "of Democrats and
# Republicans", one group).
_GROUP_NP_END = (
    rf"(?=\s+and\s+{context.SHARE_APPROXIMATORS}{_SHARE_WORDS}"
    r"|\s*(?:[,.;:!?)\"”—–]|\s-|$)|\s+(?:who|that|which|in|of|at|on|for|from|with|across|"
    r"under|over|aged?|overall|nationwide|surveyed|polled|questioned|still|also|now|"
    r"have|has|had|are|were|was|is|said|say|says|found|finds|showed|shows|would|will|could|"
    r"may|might|can|do|did|"
    r"does|[a-z]+ed|[a-z]+s)\b)"
)
_POPULATION_NP = (
    rf"(?P<np>(?:{_POPULATION_MODIFIER}\s+){{0,2}}"
    r"(?:[a-z][a-z-]*[^s\W]s|electorate|population|public|workforce))\b(?!['’-])" + _GROUP_NP_END
)
_OF_THE = r"\s+(?:out\s+)?of\s+(?:(?:the|those|these|all|its|their|our|his|her)\s+)?"
_POPULATION_AFTER_RE = re.compile(_OF_THE + _POPULATION_NP)
# ... or a people named by a capitalised plural: "26% of Democrats say", "half of all
# Zemblan Catholics".
_PEOPLE_AFTER_RE = re.compile(
    _OF_THE + r"(?P<np>(?:[A-Z][\w-]*\s+){0,2}(?P<head>[A-Z][a-z]+s))\b(?!['’-])" + _GROUP_NP_END
)
# A ratio names its group right after it: "eight in 10 Democratic voters".
_RATIO_END_RE = re.compile(r"\b(?:in|out\s+of)\s+(?:\d+|ten|five|four|three|two)$", re.I)
_POPULATION_AFTER_RATIO_RE = re.compile(r"\s+" + _POPULATION_NP)
# A share of the votes is a vote share, a measure: no population.
_VOTES = frozenset({"votes", "ballots"})
_NO_POPULATION = {word.lower() for word in context.NOT_SUBJECTS} | {
    "its",
    "his",
    "hers",
    "ours",
    "theirs",
    "us",
    "this",
}
# A share: a percentage, a fraction word, or a bare count of the group ("16 of the").
_SHARE_UNIT = r"(?:%|per\s*cent|percent|half|thirds?|quarters?|fifths?|tenths?)"
_SHARE_RE = re.compile(rf"{_SHARE_UNIT}$|^[\d,]+$|^[a-z]+$", re.IGNORECASE)


# A figure that is a bracket's whole content ("(3.1 percent)", "(+12,000)"): a list
# item's, after the words it labels.
_BRACKET_OPEN_RE = re.compile(r"\(\s*[+\u2212-]?\s*$")
_BRACKET_CLOSE_RE = re.compile(r"\s*\)")
_LABEL_WORD = r"(?:[A-Z][\w'’&-]*|[a-z][\w'’&-]*)"
# The list's first item: its words after the "for" or "in" that opens the list, with the
# measure before that word ("the jobless rates for nurses (3.1 percent), ...": nurses,
# jobless rate; "job growth occurred in clinics (+12,000)": clinics).
_FIRST_ITEM_RE = re.compile(
    rf"(?:(?P<measure>\b[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}})\s+(?:\w+\s+)?)?"
    rf"\b(?:for|in)\s+(?:the\s+)?(?P<label>{_LABEL_WORD}(?:\s+{_LABEL_WORD}){{0,4}})\s*$"
)
# A later item: its words after the comma or "and" that joins it to the item before, past
# a word or two and the item's own "in" or "for" ("... and weakest in cities (38%)").
_ITEM_WORD = rf"(?!(?:in|for)\b){_LABEL_WORD}"
_NEXT_ITEM_RE = re.compile(
    rf"\)\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)(?:[a-z]+\s+){{0,2}}?(?:(?:in|for)\s+)?"
    rf"(?:the\s+)?(?P<label>{_ITEM_WORD}(?:\s+{_ITEM_WORD}){{0,4}})\s*$"
)
# The bracket that opens a list: the first to hold a figure ("Acme (ACME.N) said wages
# rose for nurses (5%)": not the ticker's).
_FIGURE_BRACKET_RE = re.compile(r"\(\s*[+\u2212-]?\s*[$£€¥]?\d")
# Words no item's label or list's measure holds: a clause's pronouns, its verbs' closed
# class, a share's words, the words that open an item.
_NOT_LABEL_WORDS = frozenset(
    """i we you he she it they his her their its our my your is are was were be been has
    have had do does did will would can could may might know call calls called say says
    said half third quarter most more less almost nearly about even for in and or the a
    an of to at by with among""".split()
) | frozenset(  # a time says when, it labels no item: "trended up in March (+21,000)"
    [w.lower() for w in WEEKDAYS | MONTHS] + "year month week quarter today yesterday".split()
)
_LABEL_REACH = 80  # an item's words stand just before its bracket
# A candidate's standing, which a list of places or groups only breaks down.
_STANDING_BEFORE_LIST_RE = re.compile(
    r"\b(?:leads?|leading|led|trails?|trailing|support|backing|won|wins|took|vote)\b", re.IGNORECASE
)


def _item_words(words: str) -> bool:
    """Whether the words can name a list's item or measure: nouns and names, no verb (a
    lower-case "-ed" word only before a noun it describes: "retired miners")."""
    split = words.split()
    for index, word in enumerate(split):
        low = word.lower()
        if low in _NOT_LABEL_WORDS or low in VERBS:
            return False
        if word[:1].islower() and low.endswith("ed") and index == len(split) - 1:
            return False
    return True


def bracket_label(sentence: str, start: int, end: int) -> tuple[str, str | None] | None:
    """The words a figure in brackets labels in a list of such figures opened by "for" or
    "in" ("the jobless rates for nurses (3.1 percent), teachers (2.8 percent)"), with the
    measure the list opens on: ("teachers", "jobless rate"). None for a bracket that only
    converts a figure ("$96bn (£51bn)"), stands alone, or follows a clause."""
    opener = _BRACKET_OPEN_RE.search(sentence, max(0, start - 4), start)
    if opener is None or not _BRACKET_CLOSE_RE.match(sentence, end):
        return None
    found = _FIGURE_BRACKET_RE.search(sentence)
    first = found.start() if found else -1
    if first < 0 or sentence.find("(", first + 1) < 0:
        return None  # one bracket is an aside, not a list
    head = _FIRST_ITEM_RE.search(sentence, max(0, first - _LABEL_REACH), first)
    if head is None or not _item_words(head["label"]):
        return None  # the list opens on no item: "Sales rose (5%) while costs fell (2%)"
    if _STANDING_BEFORE_LIST_RE.search(sentence, max(0, first - _LABEL_REACH), first):
        return None  # "Okafor leads in Zembla (52%) and Dunmore (45%)": still Okafor's
    if opener.start() == first:
        label = head["label"]
    else:
        item = _NEXT_ITEM_RE.search(sentence, max(0, opener.start() - _LABEL_REACH), opener.start())
        if item is None or not _item_words(item["label"]):
            return None
        label = item["label"]
    measure = head["measure"]
    if measure and _item_words(measure):
        *words, last = measure.split()
        return label, " ".join([*words, singular(last)])  # "rates for": each one's rate
    return label, None


def _group_after_share(sentence: str, start: int, end: int) -> re.Match | None:
    """The group named right after a share or a ratio ("35% of nurses", "eight in 10
    Democratic voters"), as a match whose "np" is the group."""
    found = _POPULATION_AFTER_RE.match(sentence, end)
    if found is None and (people := _PEOPLE_AFTER_RE.match(sentence, end)):
        found = people if is_people_plural(people["head"]) else None
    if found is None and _RATIO_END_RE.search(sentence, start, end):
        return _POPULATION_AFTER_RATIO_RE.match(sentence, end)
    return found if found is not None and _SHARE_RE.search(sentence[start:end]) else None


def population_of(sentence: str, start: int, end: int) -> str | None:
    """The group of people or things a share or a part is of, when it follows the figure
    ("about 35% of nurses have", "11 out of the top 30 clinics"): that group is what
    the figure is about. Not a measure ("5% of sales") nor a time ("half of the years"),
    and not when a name follows, which the share is about as a rule (an opinion of it)."""
    return _population_of_group(sentence, _group_after_share(sentence, start, end))


def _population_of_group(sentence: str, found: re.Match | None) -> str | None:
    """population_of, from the group _group_after_share found."""
    if found is None:
        return None
    words = found["np"].split()
    head = words[-1].lower()
    if head in context.MEASURE_HEADS or head in _VOTES or head.rstrip("s") in _TIME_NOUNS:
        return None
    if words[-1] in context.MEASURE_ACRONYMS:
        return None  # "90% of GDP": what the share is scaled by
    if words[0][0].isdigit() or any(word.lower() in _NO_POPULATION for word in words):
        return None  # "30% of the 900 delegates", "60% of its budget"
    if _OPINION_OF_NAME_RE.match(sentence, found.end()):
        return None  # "31% of voters had a kind word for Rivers": the share is Rivers'
    return found["np"]


# A bare share the sentence describes with a copula: "78% were white", "16 percent are
# Latino", "a third were under 30".
_DESCRIBED_SHARE_RE = re.compile(rf"\s+{COPULA}\s+{SHARE_TRAIT}")
_POLL_WORD_RE = re.compile(r"\b(?:poll|survey)(?=\s+of\s)", re.IGNORECASE)


def polled_group(sentence: str) -> str | None:
    """The people a poll named in the sentence asked, given without their number: "a
    Beacon poll of likely Zemblan voters found" -> "likely Zemblan voters"."""
    if not context.may_hold_any(sentence, ("poll", "survey")):
        return None  # most sentences name no poll: skip the pattern
    for m in _POLL_WORD_RE.finditer(sentence):
        found = _POPULATION_AFTER_RE.match(sentence, m.end())
        if found and not found["np"][0].isdigit():
            return found["np"]
    return None


# A share that opens the sentence, as its subject: "About 30% of", "Two-thirds of".
_OPENING_SHARE_RE = re.compile(
    rf"[\W_]*(?P<share>(?:{context.APPROX_WORDS}\s+)?(?:[\d.,]+\s*(?:%|percent|per\s+cent)|(?:a|one)\s+"
    r"(?:third|quarter|fifth|tenth)|half|two-thirds|three-quarters))(?=\s+of\b)",
    re.IGNORECASE,
)
# A reported clause between the group and a later figure: "Half of the firms said the
# tax would cost them $5,000" is the tax's cost as the firms tell it, not theirs.
_REPORTED_CLAUSE_RE = re.compile(r"\b(?:said|says|say|told|think|thinks|believe|that)\b")


def _opening_population(sentence: str, start: int) -> str | None:
    """The group a sentence opens with a share of, for a later figure of its clause:
    "About 30% of nurses have a household income of $40,000 or less" is the nurses'
    income."""
    m = _OPENING_SHARE_RE.match(sentence)
    if m is None or m.end() >= start:
        return None
    if _CLAUSE_BREAK_RE.search(sentence, m.end(), start) or _REPORTED_CLAUSE_RE.search(
        sentence, m.end(), start
    ):
        return None
    return population_of(sentence, m.start("share"), m.end())


# An opinion of a name or a stand for it in the words after the group: "had a positive
# view of Rivers", "back Rivers", "said they trust Lee" (not "live in Lima").
_OPINION_OF_NAME_RE = re.compile(
    r"[^.;:,]{0,60}?\b(?P<stand>of|for|about|(?:satisfied|dissatisfied|pleased|happy|unhappy|comfortable"
    r"|uncomfortable|disappointed|impressed)\s+(?:with|if)|(?:un)?familiar\s+with|back\w*"
    r"|support\w*|favou?r\w*|prefer\w*|oppos\w*|approv\w*|disapprov\w*|trust\w*|like\w*"
    r"|dislike\w*|choose|chose|vote\w*|view\w*|rate|rated|rating)\s+"
    # "viewed him favorably": his too; not "of her town" (a possessive)
    r"(?:(?:[a-z]+\s+){0,2}(?P<name>[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]+){0,2})"
    r"|(?P<pronoun>him|her)(?=\s*[,.;:]|\s+[a-z]+ly\b))"
)
# What makes "of", "for" or "about" a stand on someone: "say the same of", "a favorable
# view of", "voted for", "feel about"; not "the most important issue for", "residents of".
_STANCE_BEFORE_RE = re.compile(
    r"\b(?:same|views?|opinions?|(?:un)?favou?rable|heard|think|thought|approve|disapprove"
    r"|proud|fond|critical|wary|voted?|votes|voting|opted|opt|word|words|support|backing"
    r"|preference|ballots|feel|feels|felt|enthusiastic|excited|worried)\s+(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
# A name of another group's share, which the stand may read past: "... and a third of
# Independents are not familiar with Lee".
_COORDINATED_SHARE_RE = re.compile(
    rf"\band\s+{context.SHARE_APPROXIMATORS}{_SHARE_WORDS}\s+of$", re.IGNORECASE
)


# A verb right before a name, whose object the name is: "praised Lee", "defeated Lee".
_OBJECT_BEFORE_RE = re.compile(r"\b[a-z]{3,}(?:ed|es)\s+$")
# A bare share that says something: "32 percent said they had no opinion of him".
_SAID_AFTER_RE = re.compile(r"\s+(?:said|say|says)\b")
# The people a poll asked, named by how they were asked: "31% of those surveyed".
_RESPONDENTS_AFTER_RE = re.compile(
    r"\s+of\s+(?:those|the\s+people|people|respondents)\s+"
    r"(?:surveyed|polled|questioned|asked|interviewed|sampled)\b"
)


# A sentence opening with a group: "The casinos", "The remaining casinos", "Four of the
# casinos", "Four casinos".
_GROUP_OPENING_RE = re.compile(
    r"(?:(?:[Tt]he|[A-Z]?[a-z]+\s+of\s+the|[A-Z][a-z]+)\s+)(?:[a-z]+\s+)?(?P<noun>[a-z]{3,}s)\b"
)


# How far back a lone noun is looked for in the names before it ("the department").
_DESCRIBED_REACH = 3000
# Capitalised words that open a sentence or a phrase without naming anything.
_NAME_OPENERS = frozenset(
    """the a an this that these those its his her their our my your some many multiple
    other another each every new under after before since during""".split()
)
# Nouns of institutions that the text names in full once and then by the noun alone.
_INSTITUTION_NOUNS = frozenset(
    """department ministry court foundation committee commission council institute
    university board authority union fund poll survey district establishment convention
    debate bureau""".split()
)


@lru_cache(maxsize=64)
def _named_re(noun: str) -> re.Pattern[str]:
    """A name of one to four capitalised words ending in `noun`, capitalised or not, and
    what it is "of" ("the Labor Department", "a Beacon University poll", "the US
    Department of Health and Human Services")."""
    return re.compile(
        r"(?<![\w.&/'’-])(?P<name>(?:[A-Z][\w.&/'’-]*\s+){1,4}"
        rf"(?:{noun.capitalize()}|{noun})"
        r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.&/-]*(?:\s+(?:and\s+)?[A-Z][\w.&/-]*)*)?)\b(?!['’-])"
    )


@lru_cache(maxsize=32)
def _titled_re(office: str) -> re.Pattern[str]:
    """A person's name after an office's title, full or short ("President Jo Okafor",
    "Sen. Lee"), never a vice or former holder's."""
    title = office.capitalize()
    if short := _OFFICE_ABBREVIATIONS.get(office):
        title = rf"(?:{title}|{short}\.?)"
    return re.compile(
        rf"(?<![Vv]ice[\s-])(?<![Ff]ormer\s)(?<![Dd]eputy\s)\b{title}\s+"
        r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){0,2})"
    )


_POSSESSIVE_END_RE = re.compile(r"['’]s?$")
# What of a person an opinion may be of, owned by them: "approve of Okafor's handling".
_CONDUCT_NOUNS = frozenset(
    """performance handling job record policies policy leadership response conduct
    decision decisions tenure presidency stewardship management approach""".split()
)
_TWO_WORDS_AFTER_RE = re.compile(r"\s+(?P<first>[a-z]+)(?:\s+(?P<second>[a-z]+))?")
# Abbreviations that end in a full stop inside a name ("Mt. Hope", "Acme Corp. Foundation"),
# where no sentence ends.
_NAME_ABBREVIATIONS = frozenset(
    "st mt ft corp inc co ltd gov sen rep dr mr mrs ms jr sr no dept univ".split()
)


def _whole_name(m: re.Match, before: str) -> str | None:
    """The name a match of _named_re holds, past a sentence's end inside it and the
    words that open a phrase ("Mr. Lee. The Beacon poll", "Under the Zembla Labor
    Department"); None when it is the end of a longer name ("Ways and Means Committee")
    or no name is left before the noun. `before` is the text right before the match."""
    words = m["name"].split()
    split = False
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        ends = word.endswith(".") and word.count(".") == 1 and len(word) > 2
        if ends and word[:-1].lower() not in _NAME_ABBREVIATIONS:
            words, split = words[k + 1 :], True  # "Lee. The poll": a sentence ends
            break
    previous = before.split()[-1] if before.split() else ""
    longer = previous.lower() in ("and", "of", "&") or (
        previous[:1].isupper()
        and previous.lower() not in _NAME_OPENERS
        and previous[-1] not in '.!?:"”'
    )
    if longer and not split:
        return None  # "Ways and Means Committee": the end of a longer name
    while words and (words[0].lower() in _NAME_OPENERS or words[0].lower() in _NOT_GROUP_WORDS):
        words = words[1:]
    return " ".join(words) if len(words) > 1 and words[0][:1].isupper() else None


# A group said to make up a share of a whole: "Women make up 40% of the workforce",
# "Those voters are likely to make up more than half the electorate", "Nurses account for
# a third of the staff": the group's share of it.
_PART_OF_WHOLE_RE = re.compile(
    r"(?P<part>(?:(?:[Tt]hose|[Tt]hese)\s+)?(?:[A-Za-z][\w-]*\s+){0,2}?"
    r"(?P<head>[A-Za-z][\w-]*))\s+"
    r"(?:(?:are|were|is|was|will|would|could|may|might|likely|expected|set|to|still|now"
    r"|also|together|alone|only|each|roughly|nearly|now)\s+)*"
    r"(?:(?:make|makes|made|making)\s+up|account(?:s|ed|ing)?\s+for|represent(?:s|ed|ing)?"
    r"|comprise[sd]?|constitute[sd]?)\s+"
    rf"(?:{context.SHARE_APPROXIMATORS})?$"
)
# Every verb of _PART_OF_WHOLE_RE starts with one of these.
_MAKING_UP_STEMS = ("mak", "made", "account", "represent", "compris", "constitut")
_SHARE_FIGURE_RE = re.compile(_SHARE_UNIT, re.IGNORECASE)
_PEOPLE_WORDS = _PEOPLE | {"women", "men", "adults", "people", "children"}
# Words that open a clause or describe no group, before a group's words.
_NOT_GROUP_WORDS = frozenset(
    """the a an and or but that which who said says say while as if when of in for to with
    by at on from""".split()
)


def _part_of_a_whole(sentence: str, start: int, end: int) -> str | None:
    """The group whose share of a whole the figure is, named right before a verb of
    making up ("Women make up 40% of the workforce": women), or None. Only people
    ("women", "black voters", "Hispanics"), never a measure ("exports account for a
    third of output" is the economy's)."""
    if not _SHARE_FIGURE_RE.search(sentence, start, end):
        return None
    if not context.holds_any(sentence, _MAKING_UP_STEMS, max(0, start - 90), start):
        return None
    m = _PART_OF_WHOLE_RE.search(sentence, max(0, start - 90), start)
    if m is None:
        return None
    head = m["head"]
    common = head.lower() in _PEOPLE_WORDS
    if not common and not (head[0].isupper() and head.endswith("s") and not is_plural_noun(head)):
        return None  # neither people nor a people's name ("Hispanics", "Democrats")
    words = m["part"].split()
    while len(words) > 1 and words[0].lower() in _NOT_GROUP_WORDS:
        words = words[1:]
    if common and len(words) == 1:
        words = [head.lower()]  # "Nurses account for ...": a common noun opening it
    return " ".join(words)


@lru_cache(maxsize=64)
def _described_group_re(noun: str) -> re.Pattern[str]:
    """A group of `noun` with a word that tells which ("African-American voters", "young
    voters"), for a later "those voters"."""
    return re.compile(rf"\b(?P<np>(?:{_POPULATION_MODIFIER}\s+){{1,2}}{re.escape(noun)})\b")


# A count of some of a group named again: "five of the casinos".
_PART_OF_GROUP_RE = re.compile(r"\s+of\s+the\s+(?P<noun>[a-z]+)\b")


def _group_noun(subject: str) -> str | None:
    """The noun of a group of a name as _group_of writes it ("Zembla's casinos",
    "banks in Zembla"), else None."""
    words = subject.split()
    if len(words) < 2:
        return None
    if words[-1] in _GROUP_NOUNS and words[-2].endswith(("'s", "’s", "'", "’")):
        return words[-1]
    if words[-1] in _GROUP_NOUNS - _PEOPLE and words[-2][:1].isupper():
        return words[-1]  # "Dunmore City casinos"; not "Whig voters", one group of many
    if words[0] in _GROUP_NOUNS and words[1] in ("in", "from"):
        return words[0]
    return None


def _group_before(sentence: str, c0: int) -> re.Match | None:
    """A group of bodies or people written before the name at c0: "banks in"."""
    before = _GROUP_BEFORE_RE.search(sentence, max(0, c0 - 40), c0)
    if not before or (noun := before["noun"].lower()) not in _GROUP_NOUNS:
        return None
    # "of" makes a group of people only ("supporters of Okafor"); "the casinos of
    # Zembla" reads as well as a part of a name ("the Bank of Zembla")
    return before if before["prep"] != "of" or noun in _PEOPLE else None


def _controlled_subject(phrase: str) -> str | None:
    """The one made to act, as a subject: a name, or a common noun phrase without its
    article ("the cigarette firms"); not a pronoun, which the article resolves."""
    words = phrase.split()
    if words[0].lower() == "the":
        words = words[1:]
    if not words or words[-1].lower() in _PRONOUN_WORDS:
        return None
    name = " ".join(words)
    return _clean_name(name) if name[:1].isupper() else name


# What opens a clause that sets a share beside another: "compared with 11% of Tories",
# "while 11% of Tories", "; 11% of Tories".
_COMPARED_CLAUSE_RE = re.compile(
    r"(?:[;:]|,\s+(?:while|whereas|but|and)|\b(?:compared\s+(?:with|to)|against|versus|vs\.?))"
    rf"\s*{context.SHARE_APPROXIMATORS}$",
    re.IGNORECASE,
)


_PERSON_PRONOUN_RE = re.compile(rf"\b(?:{'|'.join(sorted(_PERSON_PRONOUNS))})\b", re.IGNORECASE)
_CLAUSE_PUNCTUATION_RE = re.compile(r"[.;:,!?]")


def _clause_end(sentence: str, pos: int) -> int:
    """Where the clause holding `pos` ends: at the next punctuation mark, else the end."""
    found = _CLAUSE_PUNCTUATION_RE.search(sentence, pos)
    return found.start() if found else len(sentence)


# A share written before the group it is of: "26%", "two-thirds", "one in five".
_SHARE_BEFORE_OF_RE = re.compile(_SHARE_WORDS + r"(?=\s+of\s)", re.IGNORECASE)
_COMPARED_REACH = 200  # how far back a compared clause's earlier share may stand


def _compares_groups(sentence: str, start: int) -> bool:
    """Whether the share at `start` opens a clause that sets it beside a share of another
    group, itself the subject of its clause: "26% of Whigs agree, compared with 11% of
    Tories" (the Tories' 11%); not "Acme employs 40% of nurses, compared with 25% of
    doctors", where the 25% is Acme's too."""
    compared = _COMPARED_CLAUSE_RE.search(sentence, max(0, start - 40), start)
    if compared is None:
        return False
    floor = max(0, compared.start() - _COMPARED_REACH)
    shares = list(_SHARE_BEFORE_OF_RE.finditer(sentence, floor, compared.start()))
    earlier = shares[-1] if shares else None
    return (
        earlier is not None
        and context.share_opens_clause(sentence, earlier.start())
        and population_of(sentence, earlier.start(), earlier.end()) is not None
    )


def describes_the_group(sentence: str, start: int, end: int) -> bool:
    """Whether the share at [start, end) goes on describing a group named before: it opens
    its clause, and a copula and a trait follow it ("78% were white", "..., while 16
    percent were Latino"); not "Inflation of 5% is a worry"."""
    return _DESCRIBED_SHARE_RE.match(sentence, end) is not None and context.share_opens_clause(
        sentence, start
    )


def _who_antecedent(sentence: str, start: int) -> str | None:
    """The name a relative clause holding the number is about, if one opens it."""
    found = None
    lo = max(0, start - _WHO_WINDOW)
    if not context.holds_any(sentence, ("who",), lo, start):
        return None  # no relative clause opens in the window
    for m in _WHO_ANTECEDENT_RE.finditer(sentence, lo, start):
        found = m
    return _clean_name(found.group(1)) if found else None


# "Smith (45) and Jones (52)", "Acme (12%)": a figure in brackets right after a name is
# that name's.
_NAME_OPEN_BRACKET_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*\($")


def _bracketed_after_name(sentence: str, start: int, end: int) -> str | None:
    """The name right before a bracket the figure opens: "Acme (12%)", "Hispanics (34%
    "strongly agree")", when the rest of the bracket names no one else."""
    close = sentence.find(")", end)
    if close < 0 or close - end > 40 or _CAPITAL_WORD_RE.search(sentence, end, close):
        return None
    m = _NAME_OPEN_BRACKET_RE.search(sentence, max(0, start - 60), start)
    return _clean_name(m.group(1)) if m else None


def _inside_aside(sentence: str, floor: int, c0: int, c1: int, start: int) -> bool:
    """Whether [c0, c1) sits in an aside closed before the number: a relative clause
    (", which owns Globex,"), an apposition (", the largest bank in Zembla,") or a
    relative clause or list between dashes."""
    dashes = _ASIDE_DASH_RE.findall(sentence, floor, c0)
    if dashes and _DASH_ASIDE_RE.match(sentence, sentence.rfind(dashes[-1], floor, c0)):
        # "Globex - in which Acme owns a 44% stake - earned $2bn": Globex's; not an
        # apposition, which may name the subject ("Four candidates - Lee and Ng - have")
        return len(dashes) % 2 == 1 and _ASIDE_DASH_RE.search(sentence, c1, start) is not None
    opener = None
    for m in _ASIDE_OPEN_RE.finditer(sentence, floor, c0):
        opener = m
    if opener is None or "," in sentence[opener.end() : c0]:
        return False
    return "," in sentence[c1:start]


def _inside_closed_quote(sentence: str, floor: int, c0: int, c1: int, start: int) -> bool:
    """Whether [c0, c1) sits in a quotation that closes before the number: a slogan or
    someone's words, not the figure's subject; but a name the text gives ("a blog called
    “Feed”", "the fund, “Acme Growth”, raised") is. Curly quotes open and close;
    straight ones alternate from the sentence's start."""
    opened = sentence.rfind("“", floor, c0)
    if opened >= 0 and sentence.rfind("”", opened, c0) < 0:
        closing = sentence.find("”", c1, start)
    else:
        quotes = _straight_quotes(sentence)
        k = bisect_left(quotes, c0)
        if k % 2 == 0 or k >= len(quotes) or quotes[k] >= start:
            return False
        opened, closing = quotes[k - 1], quotes[k]
    if closing < 0:
        return False
    named = _NAMING_BEFORE_RE.search(sentence, max(0, opened - 20), opened)
    # a quoted name set off by commas, in capitals throughout ("the fund, "Acme Growth",
    # raised"), not a quotation after "said," ("Lee said, "Okafor lied,"")
    appositive = (
        sentence[max(0, opened - 2) : opened].rstrip().endswith(",")
        and (sentence[closing - 1 : closing] == "," or sentence[closing + 1 : closing + 2] == ",")
        and all(w[:1].isupper() for w in sentence[opened + 1 : closing].strip(" ,").split())
    )
    return not (named or appositive)


@lru_cache(maxsize=64)
def _straight_quotes(sentence: str) -> tuple[int, ...]:
    return tuple(m.start() for m in re.finditer('"', sentence))


# Words that give a thing its name in quotation marks: "called “Feed”", "entitled".
_NAMING_BEFORE_RE = re.compile(r"\b(?:called|named|entitled|titled|dubbed)\s+(?:the\s+)?$")


def _spelled_out(sentence: str, chunk: str, start: int, end: int) -> bool:
    """An abbreviation in brackets after the words it stands for: '... product (GDP)'."""
    if not (sentence[start - 1 : start] == "(" and sentence[end : end + 1] == ")"):
        return False
    words = re.findall(r"[A-Za-z]+", sentence[max(0, start - 80) : start])[-len(chunk) :]
    return "".join(w[0] for w in words).lower() == chunk.lower() and not any(
        w[0].isupper() for w in words[1:]
    )


def _describes_another(sentence: str, found: str, start: int) -> bool:
    """Whether the common noun found is a possessor in a description ("the
    industry's largest firm"), which names another entity, not this one."""
    at = sentence.rfind(found, max(0, start - _WINDOW), start)
    return at >= 0 and bool(_DESCRIPTION_RE.match(sentence, at + len(found)))


# "Democratic front-runner Jo Rivers": a party or place word and a lower-case role
# before the name they describe.
_DESCRIPTION = r"(?:[A-Z][\w-]*\s+(?:[a-z-]+\s+){1,2}(?=[A-Z]))?"
# A figure followed by a reduced passive naming who holds it: "the $5m spent by the
# Rivers campaign", "the 20 seats won by Labour". Verbs of having and handing money
# or goods only: "published by", "estimated by" name a source, not the holder.
_AGENT_AFTER_RE = re.compile(
    r"(?:\s+[a-z]+){0,3}?\s+(?:spent|raised|paid|earned|owed|received|won|lost|collected"
    r"|invested|borrowed|donated|contributed|given|sold|bought|held|generated|employed)"
    rf"\s+by\s+(?:the\s+)?{_DESCRIPTION}(?P<name>[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){{0,3}})"
    rf"(?P<body>(?:['’]s?)?\s+(?:{_BODY_NOUNS_PATTERN})\b)?"
)


def _agent_after(sentence: str, end: int) -> str | None:
    """The holder a passive after the figure names, with its campaign or administration."""
    m = _AGENT_AFTER_RE.match(sentence, end)
    if m is None:
        return None
    name = _as_subject(re.sub(r"['’]s?$", "", m["name"]))
    if not name:
        return None
    if m["body"]:
        return f"{name} {m['body'].split()[-1].lower()}"
    return name


def _clause_start(sentence: str, floor: int, pos: int) -> int:
    """Where the clause holding pos begins, looking back no further than floor."""
    last = floor
    for m in _CLAUSE_BREAK_RE.finditer(sentence, floor, pos):
        last = m.end()
    return last


def sentence_subject(
    sentence: str,
    start: int,
    end: int,
    common: Set[str] | None = None,
    names: frozenset[str] | None = None,
) -> str | None:
    """The subject the sentence itself gives for the quantity at [start, end), or None."""
    found = _ranked_subject(sentence, start, end, common, names)[0]
    return None if found and found.lower() in _PERSON_PRONOUNS else found


def _clause_subject(sentence: str, start: int, candidates: list[_Candidate]) -> _Candidate | None:
    """The candidate that is the subject of the clause holding `start`: the first one a
    verb follows, else one that opens the clause ("The Rivers campaign paid ...")."""
    clause_start = max(sentence.rfind(";", 0, start), sentence.rfind(":", 0, start)) + 1
    scoped = sorted((c for c in candidates if c.span[0] >= clause_start), key=lambda c: c.span[0])
    for c in scoped:
        if c.rank == 2 or _CLAUSE_OPENING_RE.fullmatch(sentence, clause_start, c.span[0]):
            return c
    return None


# What may stand before a clause's subject: space, quote marks, an article.
_CLAUSE_OPENING_RE = re.compile(r"[\s\"'“‘(]*(?:[Tt]he\s+)?")


def _ranked_subject(
    sentence: str,
    start: int,
    end: int,
    common: Set[str] | None,
    names: frozenset[str] | None,
) -> tuple[str | None, int]:
    """The sentence's subject for the quantity and how it was found (see _candidates:
    0 a list or poll, 1 a possessor, 2 a verb's subject, 3 a holder, 4 any other name,
    5 a common noun)."""
    if found := _bracketed_after_name(sentence, start, end):
        return found, 0
    if levy := _LEVY_ON_RE.match(sentence, end):
        return levy["goods"], 0  # "a 35% duty on Zemblan tyres": what the duty is on
    if found := _after_figure_subject(sentence, end):
        return found, 0
    if awaited := _awaited_event(sentence, start, end):
        return awaited, 0  # "with 12 days left before the Westmarch referendum"
    if agent := _agent_after(sentence, end):
        return agent, 1  # "the $5m spent by Rivers": the spender's money
    if m := context.search_holding(
        leads.TIED_WITH_RE, leads.TIED_WITH_STEMS, sentence, max(0, start - 200), start
    ):
        return _clean_name(m["name"]), 0  # "Okafor, who was tied with Lee at 42%": hers
    if owner := leads.pair_owner(sentence, start, end):
        # "Okafor's 52%-41% lead over Lee": each one's share; "her 52%-41% lead": the
        # pronoun, for the article's reader to resolve
        return (owner if owner.lower() in _PERSON_PRONOUNS else _clean_name(owner)), 0
    if m := context.search_holding(
        leads.BACKED_BEFORE_RE, leads.BACKED_STEMS, sentence, max(0, start - 80), start
    ):
        return _clean_name(m["name"]), 0  # "Democrats favored Lee, 72% to 8%": Lee's 72%
    if (
        m := context.search_holding(
            _CONTROLLED_RE, _CONTROLLED_STEMS, sentence, max(0, start - 100), start
        )
    ) and (who := _controlled_subject(m["who"])):
        return who, 0
    if (
        m := context.search_holding(
            _IN_RELATIVE_CLAUSE_RE, ("who", "which"), sentence, max(0, start - 120), start
        )
    ) and not (
        _HOLDING_IN_RE.search(sentence, max(0, m.start() - 24), m.start())
        or _SHARES_OF_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start())
    ):
        return _clean_name(m["name"]), 0  # not "investments in Acme, which are worth $1m"
    if (
        m := context.search_holding(
            _WHERE_CLAUSE_RE, ("where",), sentence, max(0, start - 80), start
        )
    ) and places.is_place(m["name"]):
        return m["name"], 0
    if (
        context.may_hold_any(sentence, ("lead",), max(0, start - 40), start)
        and _LEAD_OF_BEFORE_RE.search(sentence, max(0, start - 40), start)
    ) and (m := _RIVAL_AFTER_RE.match(sentence, end)):
        return _clean_name(m["name"]), 0  # "a lead of 48% to 41% over Lee": Lee's 41%
    if m := _SECOND_SCORE_RE.search(sentence, max(0, start - 120), start):
        return _clean_name(m["name"]), 0  # "Rivers leads Stone, 52% to 41%": Stone's 41%
    if leads.SCORE_AFTER_RE.match(sentence, end) and (
        m := _FIRST_SCORE_RE.search(sentence, max(0, start - 120), start)
    ):
        return _clean_name(m["leader"] or m["preferred"]), 0  # ... and Rivers's 52%
    candidates = _candidates(sentence, start, names, common)
    if country := _country_after(sentence, end):
        candidates.append(_Candidate(3, 0, country))
    if not candidates and (who := _who_antecedent(sentence, start)):
        candidates.append(_Candidate(2, 0, who))
    # "The Okafor campaign paid Beacon LLC $12,000 and had 85 paid staff": a second
    # verb without a subject of its own shares its clause's first
    coordinated = context.search_holding(
        _COORDINATED_PREDICATE_RE, ("and",), sentence, max(0, start - 40), start
    )
    if coordinated and (first := _clause_subject(sentence, start, candidates)):
        return first.name, first.rank
    if candidates:
        best = min(candidates, key=lambda c: (c.rank, c.distance))
        if best.rank in (1, 3) and (group := _group_of(sentence, best, start)):
            return group, best.rank
        return best.name, best.rank
    found = context.find_subject(sentence, start, common, proper=False)
    while found and _ADVERB_RE.fullmatch(found.split()[-1]) and " " in found:
        found = found.rsplit(" ", 1)[0]  # "the firm also paid": the firm
    if found and _describes_another(sentence, found, start):
        return None, 5  # "the world's biggest bank": a description, not the world's figure
    if found and found.split()[-1].lower() in _TIME_NOUNS:
        return None, 5
    if found and found.split()[-1].lower() in _FUNCTION_ENDINGS:
        return None, 5  # "The number of injured ... stands at 387": no one's, a fragment
    return found, 5


# Words a noun phrase cannot end with: a preposition or a conjunction.
_FUNCTION_ENDINGS = frozenset("of out in on at to for from by with and or but than".split())


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` occurs in text, left to right and not overlapping (as a regex of
    the word would find it, without compiling one per word)."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + max(1, len(word)))


class ArticleSubjects:
    """Subjects of one article's quantities, with what the article has named so far."""

    def __init__(self, text: str, spans: list[tuple[int, int]], common: Set[str]):
        self.common = common
        self.names = _midsentence_names(text, spans)
        self._text, self._spans = text, spans
        self._main: str | None = None
        self._main_known = False
        self.last_person: str | None = None
        # The last organisation that did something, for a later "it" or "the company",
        # and the last one that gave figures, failing that.
        self.last_organisation: str | None = None
        self._last_source: str | None = None
        # Full person names by their last word: "Okafor" is the Okafor the article
        # named first (the story's own, not a relative introduced later).
        self._people: dict[str, str] = {}
        # Full person names by their first word, for a first name used alone, and by
        # their last, for a surname after a title ("President Okafor").
        self._by_first_name: dict[str, set[str]] = {}
        self._by_surname: dict[str, set[str]] = {}
        # Groups of a name the article has given figures for, by their noun: a later
        # "the casinos" is "Zembla's casinos".
        self._groups: dict[str, str] = {}
        # The paragraph of each sentence, and the place the current one opened with ("In
        # Zembla, turnout was high. It was about 57%": Zembla's 57%).
        self._paragraphs = _paragraph_numbers(text, spans)
        self._starts = [s for s, _ in spans]
        self._current = 0  # the sentence being read (see enter)
        self._place: tuple[int, str] | None = None
        self._after_article: dict[str, bool] = {}  # _written_after_article, by name
        # The person last named in each office of a place, and how far the text was read
        # for it (_office_holder).
        self._holders: dict[tuple[str, str], tuple[int, str | None]] = {}
        self._offices: dict[str, bool] = {}  # _one_office, by surname
        # The people each pollster's poll asked ("900 likely voters"), whose shares its
        # findings are: set by the pipeline when it reads a poll's sample.
        self.poll_samples: dict[str, str] = {}
        # The group the paragraph's last share was of ("74% of voters were over 45"), for
        # the bare shares that go on describing it ("78% were white"): (paragraph, group).
        self._population: tuple[int, str] | None = None
        # The subject of the last figure read, with its paragraph, for the paragraph's
        # later figures that name no one ("Acme earned $2m in May. In June, it earned $3m").
        self._last_figure: tuple[int, str] | None = None

    def figure_read(self, subject: str | None) -> None:
        """Note the subject that a figure of the sentence being read was given."""
        if subject and self._current < len(self._paragraphs):
            self._last_figure = (self._paragraphs[self._current], subject)

    def _its_owner(self, sentence: str, found: str, start: int) -> str | None:
        """The firm a common noun subject belongs to when "its" opens the clause before
        it ("Its rail arm lost $2m", "..., and its shops sold 4 million umbrellas"): the
        last one named, or that spoke. Not when the clause names whose it is first ("The
        union said its members ...")."""
        at_opening, after_a_break = _its_noun_res(found)
        opens = at_opening.match(sentence, _lead(sentence)) or after_a_break.search(
            sentence[max(0, start - _WINDOW) : start]
        )
        return self._organisation if opens else None

    @property
    def _organisation(self) -> str | None:
        """The organisation a later "it", "its" or "the firm" stands for: the last one
        that did something, failing that the last that gave figures."""
        return self.last_organisation or self._last_source

    def _paragraph_subject(self) -> str | None:
        """The subject of the paragraph's last figure, when the paragraph has given one."""
        if self._last_figure is None or self._current >= len(self._paragraphs):
            return None
        paragraph, subject = self._last_figure
        return subject if paragraph == self._paragraphs[self._current] else None

    def _it_goes_on(self) -> str | None:
        """For an "it" that opens a figure's clause and does something (the caller
        asks): the subject of the paragraph's last figure when "it" can stand for it,
        else the article's."""
        subject = self._paragraph_subject()
        return subject if subject and _can_be_it(subject) else self.default

    def _paragraph_goes_on(self, sentence: str, start: int) -> str | None:
        """The subject of the paragraph's last figure, for a figure whose sentence names
        no one: a paragraph goes on about what it has been giving figures for ("Profits
        at Acme rose 5%. Margins widened to 9%": Acme's). Not when the sentence names
        the article's own subject, whose figure it then is, nor when "its" before the
        figure points back to a firm, or "he", "she", "his" or "her" to a person the
        subject is not, nor when "the company" names the firm again, nor for a lone
        common noun ("the plan"), which names no one."""
        subject = self._paragraph_subject()
        if subject is None or (" " not in subject and not subject[:1].isupper()):
            return None
        before = max(0, start - _WINDOW)  # the figure's clause, as far as names are sought
        if _ITS_RE.search(sentence, before, start):
            return None
        if _PERSON_PRONOUN_RE.search(sentence, before, start) and not is_person_name(subject):
            return None  # "His campaign said he raised $7m": a person's, not the last firm's
        if _THE_ORGANISATION_RE.search(sentence, before, start):
            return None  # "The company said margins narrowed": the firm's, named again
        near = sentence[before : start + _WINDOW]
        default = self.default or ""
        named = [word for word in default.split() if word[:1].isupper()]
        if any(_whole_word_re(word).search(near) for word in named):
            return None
        return subject

    def enter(self, sentence_start: int) -> None:
        """Begin reading the sentence that starts at `sentence_start` of the text."""
        self._current = max(0, bisect_right(self._starts, sentence_start) - 1)

    def subject(self, sentence: str, start: int, end: int) -> str | None:
        """The subject of the quantity at [start, end) of the sentence."""
        if "-old" in sentence and (relative := _RELATIVE_AFTER_AGE_RE.match(sentence, end)):
            # "his 3-year-old daughter, Ayo": hers; "Lee's 9-year-old son": Lee's son's
            if relative["name"]:
                return self.full_person(relative["name"])
            if possessor := _POSSESSOR_BEFORE_RE.search(sentence, max(0, start - 60), start):
                return self._possessors_relative(sentence, relative["noun"], possessor)
        named = self._person_after_age(sentence, start, end) or self._person_before_age(
            sentence, start, end
        )
        if named is not None:
            return named  # "the 74-year-old Smith", "Smith, the 74-year-old senator"
        if _PERSON_BY_AGE_RE.match(sentence, end) and _THE_BEFORE_RE.search(
            sentence, max(0, start - 6), start
        ):
            # "the 74-year-old senator said": the person the article has been naming
            return self.last_person or self.main
        if self._unnamed_of_a_place(sentence, start, end):
            return None  # "a 7-year-old Peruvian girl", "a 31-year-old Leeds man": no one named
        if (share_of := _part_of_a_whole(sentence, start, end)) is not None:
            return self._group_meant(share_of)  # "Women make up 40% of the workforce"
        found, rank = _ranked_subject(sentence, start, end, self.common, self.names)
        share_group = _group_after_share(sentence, start, end)
        population = _population_of_group(sentence, share_group)
        if population and self._current < len(self._paragraphs):
            self._population = (self._paragraphs[self._current], population)
        if (chosen := self._opinion_target(sentence, start, end, share_group)) is not None:
            return chosen  # "49% of Zemblans say the same of Lee": an opinion of Lee
        if (
            population
            and _compares_groups(sentence, start)
            and not self._names_a_person_after(sentence, end)
        ):
            return population  # "26% of Whigs say so, compared with 11% of Tories": theirs
        if found and (office := _office_of(sentence, found, start)):
            # "the Westmarch governor earned 51%": the person in that office
            return self._office_holder(found, office) or f"{found} {office}"
        if found and (held := _OFFICE_HELD_RE.fullmatch(found)):
            # "the Westmarch senator leads Lee 50% to 40%": the senator's 50%
            return self._office_holder(held["place"], held["office"].lower()) or found
        if found and found.lower() in _PERSON_PRONOUNS:
            # "her 52%-41% lead over Lee": her share; never the rival the sentence names
            main = self.main
            unnamed = main if main and main.split()[-1] not in sentence else None
            return self.last_person or unnamed
        if context.search_holding(
            _GOVERNMENT_BEFORE_RE, ("government",), sentence, max(0, start - 40), start
        ):
            # "the government's $90bn claim": the government of the place the sentence
            # names, else of the country the article names most
            owner = _POSSESSIVE_RE.split(found)[0] if found else ""  # "Norway's exporters"
            named = next((n for n in (found, owner) if n and places.is_country(n)), None)
            if country := named or places.main_country(self._text):
                return f"{country} government"
        if found is not None and (noun := _group_noun(found)):
            self._groups[noun] = found
        elif rank == 5 and (group := self._group_named_again(sentence, found)):
            return group  # "the casinos": the group of a name given before
        if found is not None and (handle := _handle_words(sentence, found, self._text)):
            found = handle  # "@JoRivers raised $15,000 in a day": Jo Rivers
        opener = _OPENING_PRONOUN_RE.match(sentence, _lead(sentence[:start]))
        if opener and rank >= 3:
            found = None  # "She also earned £9 for a column in the Globe": she earned it
        if found is not None and (named := self._named_by_its_noun(found)):
            return named  # "the department cut its cutoff": the Labor Department
        if rank == 5 and found is not None and (owner := self._its_owner(sentence, found, start)):
            return owner  # "Its vehicle businesses gained share in three regions": the firm's
        if found is not None and not self._stands_in(found):
            return self.full_person(found)
        organisation = self._organisation
        if found and found.split()[-1].lower() in _ORGANISATION_WORDS and organisation:
            return organisation  # "the firm cut 300 jobs": the firm last named, or that spoke
        if found is not None and self.main is None:
            return found
        pronoun = opener.group().lower() if opener else _last_pronoun(sentence, start)
        if (
            found is None
            and organisation
            and _ITS_HOLDING_RE.search(sentence, max(0, start - 60), start)
        ):
            return organisation  # "Its shares rose 4%": the company's, not the main entity
        it = _clause_opening_it(sentence, start) if found is None and pronoun == "it" else None
        if it == "does":
            return self._it_goes_on()  # "In June, it ordered 25 trains": the same doer
        if pronoun in _PERSON_PRONOUNS and self.last_person:
            if body := _pronoun_body(sentence, start):
                return f"{self.last_person} {body}"
            return self.last_person
        if found is not None and self.main and is_person_name(self.main):
            noun = found.split()[-1].lower()
            if noun in _PERSONAL_BODIES:
                return f"{self.main} {noun}"  # "the campaign" in a story about Jo Rivers
        some = _PART_OF_GROUP_RE.match(sentence, end) if found is None else None
        if some and (group := self._groups.get(some["noun"].lower())):
            return group  # "up at five of the casinos": some of the group named before
        if found is None and population:
            return population  # "about 35% of nurses have": the nurses' share
        if found is None and (described := self._population_described(sentence, start, end)):
            return described  # "... 74% of voters were over 45. 78% were white": theirs
        if found is None and (population := _opening_population(sentence, start)):
            return population  # "30% of nurses earn $40,000 or less": the nurses' pay
        if found is None and (deal := _deal_before(sentence, start, end)):
            return deal  # "a merger of Acme and Globex would be worth $9bn": the deal's
        if found is None and it != "is" and (carried := self._paragraph_goes_on(sentence, start)):
            return carried  # "Profits at Acme rose 5%. Margins widened to 9%": Acme's
        return self.default if found is None else self.main or found

    def _opinion_target(
        self, sentence: str, start: int, end: int, group: re.Match | None
    ) -> str | None:
        """The person a share of a group holds an opinion of or chose, when the share
        opens its clause: "half of Zemblans are not familiar with Lee", "while 49% of
        voters say the same of Okafor", "31% would be satisfied if Lee won". Only a
        person: a share that backs a bill or a party may be the group's own measure. `group`
        is the group _group_after_share found after the share, if any."""
        if not context.share_opens_clause(sentence, start):
            return None
        # "32 percent said they had no opinion of him": the share is of those asked
        group = (
            group
            or _RESPONDENTS_AFTER_RE.match(sentence, end)
            or _SAID_AFTER_RE.match(sentence, end)
        )
        if group is None:
            return None
        pos = group.end()
        while opinion := _OPINION_OF_NAME_RE.match(sentence, pos):
            if _COORDINATED_SHARE_RE.search(sentence, pos, opinion.end("stand")):
                pos = opinion.end()  # "and a third of Independents are ... with Lee": read on
                continue
            stand = opinion["stand"].lower()
            if stand in ("of", "for", "about") and not _STANCE_BEFORE_RE.search(
                sentence, max(pos, opinion.start("stand") - 30), opinion.start("stand")
            ):
                return None  # "the most important issue for Okafor": no stand on Okafor
            if opinion["pronoun"]:
                # "Lee's rating rose, though 30% had no opinion of him": the person the
                # sentence named before the share as a doer or an owner (not "attacked
                # Okafor"), else the one the text was telling of
                return self._person_named_before(sentence, start, doer=True) or self.last_person
            name = opinion["name"]
            if name.endswith(("'s", "’s", "'", "’")):
                owned = _TWO_WORDS_AFTER_RE.match(sentence, opinion.end("name"))
                if owned is None or _CONDUCT_NOUNS.isdisjoint(owned.groups()):
                    return None  # "back Okafor's challenger": an opinion of someone else
                # "disapprove of Okafor's handling of the economy": an opinion of her conduct
                name = _POSSESSIVE_END_RE.sub("", name)
            return self._known_person(name)
        return None

    def _names_a_person_after(self, sentence: str, end: int) -> bool:
        """Whether the clause after `end` names a person, by name or pronoun ("55% of
        voters say she does not"): the share may be about that person."""
        clause = sentence[end : _clause_end(sentence, end)]
        if _PERSON_PRONOUN_RE.search(clause):
            return True
        return any(self._known_person(m.group()) for m in _CAPITAL_NAME_RE.finditer(clause))

    def _known_person(self, raw: str) -> str | None:
        """A capitalised chunk as the person it names, when it names one: a full
        person's name or a surname the article has given in full."""
        name = _clean_name(raw)
        if name and (name.split()[-1] in self._people or is_person_name(name)):
            return self.full_person(name)
        return None

    def _population_described(self, sentence: str, start: int, end: int) -> str | None:
        """The group of the paragraph's last share, for a bare share the sentence goes on
        to describe it with ("78% were white", "16 percent were Latino")."""
        if self._population is None or not describes_the_group(sentence, start, end):
            return None
        paragraph, group = self._population
        here = self._paragraphs[self._current] if self._current < len(self._paragraphs) else -1
        return group if paragraph == here else None

    @property
    def default(self) -> str | None:
        """The subject of a figure whose sentence names none: the place its paragraph
        opened with, else the article's main entity."""
        if self._place is not None and self._current < len(self._paragraphs):
            paragraph, place = self._place
            if paragraph == self._paragraphs[self._current]:
                return place
        return self.main

    @property
    def main(self) -> str | None:
        """The article's main entity, found when first needed."""
        if not self._main_known:
            main = _main_entity(self._text, self._spans, self.names, self.common)
            self._main = self._person_in_full(main) if main else None
            self._main_known = True
        return self._main

    def observe(self, sentence: str) -> None:
        """Remember the people a sentence names: in full, for a later surname, and the
        first one who did or said something (the sentence's subject, as a rule), for a
        later 'he' or 'she': "Smith has won 758 delegates to Lee's 538. He needs 61%"
        is Smith."""
        first_actor = None
        for m in _CHUNK_RE.finditer(sentence):
            raw = m.group(1)
            name = _clean_name(raw)
            if not name:
                continue
            start, end = m.start(1), m.end(1)
            called = _called_organisation(sentence, start, end)
            if is_person_name(name) and not called:
                self._note_person(name)
            elif name not in self._people:
                acts = _acts_as_person(sentence, raw, end)
                if (acts or called) and self._is_organisation(sentence, name, called, m):
                    self.last_organisation = name
                elif acts and _is_source(sentence, start, end) and is_org_name(name):
                    self._last_source = name  # "Acme Mining reported ...", then "the firm's"
                continue
            # (whether the name acts is asked only while no one has: the patterns are costly)
            if first_actor is None and _acts_as_person(sentence, raw, end):
                first_actor = self._people.get(name, name)
        if first_actor is not None:
            self.last_person = first_actor
        self._note_paragraph_place(sentence)

    def _note_paragraph_place(self, sentence: str) -> None:
        """Remember the place a paragraph's first sentence opens with."""
        k = self._current
        if k >= len(self._paragraphs) or (k > 0 and self._paragraphs[k - 1] == self._paragraphs[k]):
            return
        place = _opening_place(sentence)
        if place and (place.lower() in self.common or place in self._people):
            place = None  # "Most": a common word, "Rivers": a person, each a region too
        self._place = (self._paragraphs[k], place) if place else None

    def _is_organisation(self, sentence: str, name: str, called: bool, m: re.Match) -> bool:
        """Whether a name that acts in a sentence, or that the text calls a firm, can be
        what a later "the company" is: not a place, not people, and not a source giving
        someone else's figures ("Acme said")."""
        words = name.split()
        return (
            not places.is_place(name)
            and words[-1] not in _TIME_NAMES
            and "and" not in words  # "Smith and Jones": people, or more than one
            and (called or not any(word in self._people for word in words))
            and not _is_source(sentence, m.start(1), m.end(1))
        )

    def _group_named_again(self, sentence: str, found: str | None) -> str | None:
        """The group of a name the article gave figures for, when the subject found is
        its noun again ("the casinos"), or, with none found, when the sentence opens
        with it ("The casinos earned less in May, with takings down 2%")."""
        if found is not None:
            return self._groups.get(found.split()[-1].lower())
        opening = _GROUP_OPENING_RE.match(sentence, _lead(sentence))
        return self._groups.get(opening["noun"].lower()) if opening else None

    def _note_person(self, name: str) -> None:
        words = name.split()
        titled = _is_person_title(words[0])
        known = self._people.get(words[-1])
        if known is None or (not titled and _is_person_title(known.split()[0])):
            self._people[words[-1]] = name  # "Barack Okafor" rather than "President Okafor"
        # not a headline's words ("Will Acme Be Next"): a surname is no word the article
        # writes in lower case
        if (
            len(words) in (2, 3)
            and not any(word.lower() in self.common or word in CALENDAR_NAMES for word in words[1:])
            and not places.is_place(words[0])
            and not self._written_after_article(name)
        ):
            self._by_first_name.setdefault(words[0], set()).add(name)
        if not titled:
            self._by_surname.setdefault(words[-1], set()).add(name)

    def _written_after_article(self, name: str) -> bool:
        """Whether the article writes the name after "the" or "a": a team, paper or
        firm ("the Zembla Rovers", "a new Acme Research poll"), not a person."""
        if name not in self._after_article:
            self._after_article[name] = any(
                _ARTICLE_BEFORE_RE.search(self._text, max(0, at - 40), at)
                for at in _occurrences(self._text, name)
            )
        return self._after_article[name]

    def _person_after_age(self, sentence: str, start: int, end: int) -> str | None:
        """The person an age written before their name is of ("the 74-year-old Smith"):
        a person the article has named, or a full person's name; not a name that only
        describes ("the 74-year-old Vermont senator")."""
        found = _NAME_AFTER_AGE_RE.match(sentence, end)
        if found is None:
            return None
        name = _clean_name(found.group(1))
        if not name:
            return None
        if name in self._people:
            return self._people[name]
        if (
            " " not in name
            and _FIRST_NAME_ALONE_RE.match(sentence, found.end())
            and _COMMA_BEFORE_RE.search(sentence, max(0, start - 4), start)
        ):
            # "her son, 26-year-old Ayo.": a first name alone in apposition, not one
            # that describes ("a 52-year-old Salem, N.H., resident")
            return None if places.is_place(name) or DEMONYM.search(name) else name
        return name if is_person_name(name) and " " in name else None

    def _possessors_relative(self, sentence: str, noun: str, owner: re.Match) -> str | None:
        """The relative of a named possessor ("Okafor's son"), or None when the possessor
        is a pronoun for no one the sentence names."""
        person: str | None
        if owner["name"]:
            person = self.full_person(_clean_name(owner["name"]) or owner["name"])
        else:
            # "Lee lost his 9-year-old son", "Lee, whose son": the person last named
            # before the pronoun in the sentence; none when the sentence names none, as a
            # pronoun across sentences is as often someone else
            person = self._person_named_before(sentence, owner.start())
        return f"{person}'s {noun.lower()}" if person else None

    def _person_named_before(self, sentence: str, pos: int, doer: bool = False) -> str | None:
        """The last person the sentence names before `pos`, in full when the article
        named them so; with `doer`, not one it names as a verb's object ("Lee attacked
        Okafor": Okafor is what Lee did it to)."""
        for m in reversed(list(_CAPITAL_NAME_RE.finditer(sentence, max(0, pos - _WINDOW), pos))):
            if doer and _OBJECT_BEFORE_RE.search(sentence, max(0, m.start() - 20), m.start()):
                continue
            if person := self._known_person(m.group()):
                return person
        return None

    @staticmethod
    def _unnamed_of_a_place(sentence: str, start: int, end: int) -> bool:
        """Whether an age describes someone unnamed by where they are from: "a 7-year-old
        Peruvian girl" (the place only describes; "a 40-year-old lawyer" or "a 44-year-old
        Peruvian American" may be the person the sentence is about)."""
        if not (_PERSON_BY_AGE_RE.match(sentence, end) and _A_BEFORE_RE.search(sentence, 0, start)):
            return False
        after = _UNNAMED_AFTER_AGE_RE.match(sentence, end)
        if after is None:
            return False
        return bool(DEMONYM.search(after["where"])) or places.is_place(after["where"])

    def _person_before_age(self, sentence: str, start: int, end: int) -> str | None:
        """The person an age in apposition describes: "Smith, the 74-year-old senator",
        "Smith, 74, said"."""
        if _PERSON_BY_AGE_RE.match(sentence, end):
            found = _NAME_BEFORE_AGE_RE.search(sentence, max(0, start - 80), start)
        elif _AGE_IN_COMMAS_RE.fullmatch(sentence, start, min(len(sentence), end + 1)):
            found = _NAME_BEFORE_COMMA_RE.search(sentence, max(0, start - 80), start)
        else:
            return None
        name = _clean_name(found.group(1)) if found else None
        if not name or not (name in self._people or is_person_name(name)):
            return None
        return self.full_person(name)

    def _group_meant(self, group: str) -> str:
        """A group as the article named it: "those voters" is the group of voters the
        text named last before the sentence ("African-American voters"), else voters."""
        words = group.split()
        if words[0].lower() not in ("those", "these"):
            return group
        noun = words[-1]
        upto = self._starts[self._current] if self._starts else 0
        before = self._text[max(0, upto - _DESCRIBED_REACH) : upto]
        named = [m["np"] for m in _described_group_re(noun).finditer(before)]
        return named[-1] if named else " ".join(words[1:])

    def _named_by_its_noun(self, found: str) -> str | None:
        """The name a lone noun stands for: for an institution, the last name before the
        sentence that ends in that noun ("the Labor Department" for "the department",
        "the Supreme Court" for "the court", "a Beacon University poll" for "the poll");
        for an office, the last person given that title ("President Jo Okafor" for "the
        president"; not a vice or former one)."""
        noun = found.lower()
        if found != noun or (noun not in _INSTITUTION_NOUNS and noun not in OFFICES):
            return None
        upto = self._starts[self._current] if self._starts else 0
        before = self._text[max(0, upto - _DESCRIBED_REACH) : upto]
        if noun in OFFICES:
            holders = [m["name"] for m in _titled_re(noun).finditer(before)]
            if not holders:
                return None
            return self.full_person(_POSSESSIVE_END_RE.sub("", holders[-1]))
        names = [
            name
            for m in _named_re(noun).finditer(before)
            if (name := _whole_name(m, before[max(0, m.start() - 30) : m.start()]))
        ]
        return names[-1] if names and not places.is_place(names[-1]) else None

    def _stands_in(self, found: str) -> bool:
        """Whether a subject is a noun standing for something the article has named
        ("the firm", "the campaign"). A person's body named with its owner ("the
        Rivers campaign", "the Stone administration") is that body, whoever the article
        is about, and so is a name of its own ending in such a noun ("the Acme Party",
        "Beacon Country Club"). A state's nickname ("the Buckeye State") and a people's
        government ("the Zemblan Government") still defer to the article's entities."""
        owner, _, noun = found.rpartition(" ")
        if noun.lower() not in _STAND_IN_NOUNS:
            return False
        if owner[:1].isupper() and noun[:1].isupper() and noun != "State":
            # a name of its own: "the Acme Party", "Beacon Country Club"; but "the
            # Nigerian Government" is the country's, as "the government" is
            demonym = places.demonym_country(owner.split()[0]) is not None
            return demonym and noun.lower() == "government"
        owner = owner.rstrip("'’")
        return noun not in _PERSONAL_BODIES or not (owner in self._people or is_person_name(owner))

    def _office_holder(self, place: str, office: str) -> str | None:
        """The person the article has named with that office of that place before the
        sentence read now ("Westmarch Gov. Jo Rivers", "Jo Rivers, the Westmarch
        governor"); the last one, when several."""
        title = office
        if abbreviation := _OFFICE_ABBREVIATIONS.get(office):
            title = rf"(?:{office}|{abbreviation}\.?)"
        upto = self._starts[self._current] if self._starts else 0
        # read on from where the last question about this office stopped: an article
        # that asks at every sentence stays linear
        scanned, held = self._holders.get((place, office), (0, None))
        where = re.escape(place)
        pattern = re.compile(
            rf"\b{where}\s+(?i:{title})\s+(?P<a>{_PERSON_NAME})"
            rf"|(?P<b>{_PERSON_NAME}),\s+(?:the|a|an)\s+{where}\s+(?i:{office})\b"
        )
        for m in pattern.finditer(self._text, scanned, max(scanned, upto)):
            held = m["a"] or m["b"]
        self._holders[(place, office)] = (max(scanned, upto), held)
        if held and held.split()[0] in _PARTY_LABELS and " " in held:
            held = held.split(None, 1)[1]  # "Republican Jo Rivers, the Westmarch governor"
        return self.full_person(held) if held and is_person_name(held) else None

    def full_person(self, name: str) -> str:
        """'Smith' -> 'Jane Smith' when the article named her in full before, and
        'Smith campaign' -> 'Jane Smith campaign'."""
        owner, _, body = name.rpartition(" ")
        if owner and body in _PERSONAL_BODIES:
            owner = owner.rstrip("'’")  # "Rivers' campaign"
            return f"{self.full_person(self._people.get(owner, owner))} {body}"
        title, _, surname = name.partition(" ")
        if _is_person_title(title) and surname and " " not in surname:
            # "President Okafor": the one person the article has named in full with that
            # surname; with two of them ("Jo and Sam Okafor"), the title alone can't tell.
            # Named by title alone, the person is the surname: an office is no part of a
            # name, and "Okafor" is the same subject in an article that writes "Ana Okafor"
            named = self._by_surname.get(surname, ())
            if len(named) == 1:
                return next(iter(named))
            return surname if not named and self._one_office(surname) else name
        if name in self._people:
            return self._people[name]
        # a first name alone, as features and obituaries write it once they have named
        # the person in full ("Jo Rivers ... Jo married in 1960"), if it is one person's
        named = self._by_first_name.get(name, ())
        return next(iter(named)) if len(named) == 1 else name

    def _one_office(self, surname: str) -> bool:
        """Whether the article writes a surname after one office or form of address only:
        "President Okafor" and "Secretary Okafor" are two people, whom the title tells
        apart; "President Okafor" alone is Okafor."""
        if surname not in self._offices:
            found = re.finditer(rf"\b([A-Z][a-z]+)\.?\s+{re.escape(surname)}\b", self._text)
            titles = {_one_office_word(t) for m in found if _is_person_title(t := m[1].lower())}
            offices = titles - _FORMS_OF_ADDRESS  # "Mr Okafor" is also "President Okafor"
            self._offices[surname] = len(offices) <= 1 and titles <= _OFFICE_TITLES
        return self._offices[surname]

    def _person_in_full(self, name: str) -> str:
        """The main entity, when it is a person named by surname or by title: the one
        full name with that surname the whole article gives ("Ana Okafor"), else the
        surname alone when one office goes with it; the name as found otherwise."""
        title, _, rest = name.partition(" ")
        surname = rest if _is_person_title(title) and rest and " " not in rest else name
        if " " in surname or not (surname != name or is_person_name(name)):
            return name  # not a person's surname, alone or after a title
        full = {
            m.group().replace("\n", " ")
            for m in re.finditer(rf"\b[A-Z][\w'’-]+\s+{re.escape(surname)}\b", self._text)
            # not a title, nor a word the article writes in lower case ("The", "If")
            if not _is_person_title(first := m.group().split()[0])
            and first.lower() not in self.common
            and first in self.names  # written inside a sentence: not a headline's "Why"
            and is_person_name(m.group())
        }
        if len(full) == 1:
            return full.pop()
        return surname if surname != name and not full and self._one_office(surname) else name


# Titles written before a person's surname alone ("President Okafor", "Coach Lee"); not
# the title words that also open the names of firms and places ("General Mills").
_PERSON_TITLES = TITLES - FIRM_OPENING_TITLES


def _is_person_title(word: str) -> bool:
    """Whether a word is a person's title ("President", "Dr.")."""
    return word.lower().rstrip(".") in _PERSON_TITLES


# The abbreviations of offices written before a name: "Westmarch Gov. Jo Rivers".
_OFFICE_ABBREVIATIONS = {
    "governor": "Gov",
    "senator": "Sen",
    "representative": "Rep",
    "congressman": "Rep",
    "congresswoman": "Rep",
    "president": "Pres",
}
# Offices and forms of address that come and go with a person's post or the paper's
# style ("President Okafor", "Mrs Okafor", "Gov. Okafor"), which a name drops; not a
# rank written as part of the name ("King Zog", "Pope Ayo").
_FORMS_OF_ADDRESS = frozenset("mr mrs ms miss dr".split())
_OFFICE_TITLES = (
    OFFICES
    | _FORMS_OF_ADDRESS
    | {"secretary"}
    | {abbreviation.lower() for abbreviation in _OFFICE_ABBREVIATIONS.values()}
)


def _one_office_word(title: str) -> str:
    """An office by one word however it is written: "Senator" and "Sen." are "sen"."""
    return _OFFICE_ABBREVIATIONS.get(title, title).lower()


_PERSON_NAME = r"(?:[A-Z][\w'’-]+[ \t]+){0,2}[A-Z][\w'’-]+"


def _office_of(sentence: str, name: str, start: int) -> str | None:
    """The office of "the <name> <office>" written before the figure ("the Westmarch
    governor earned 51%": governor), not a thing of the office ("the governor's race")."""
    at = sentence.rfind(name, 0, start)
    if at < 0 or not _THE_BEFORE_RE.search(sentence, max(0, at - 4), at):
        return None
    m = _OFFICE_AFTER_RE.match(sentence, at + len(name))
    return m["office"].lower() if m and m.end() <= start else None


# An office named with its place, as a scored pair's owner: "Westmarch senator".
_OFFICE_HELD_RE = re.compile(
    rf"(?P<place>{_PERSON_NAME})\s+(?P<office>{'|'.join(sorted(OFFICES))})"
)
# The office right after the name, then a verb by which its holder has a figure ("the
# Westmarch governor earned 51%"); not "said" (the office's figure as its holder tells
# it), a noun ("the Westmarch governor race") or a longer title ("vice president").
_OFFICE_AFTER_RE = re.compile(
    rf"\s+(?P<office>{'|'.join(sorted(OFFICES))})\s+(?:also\s+|now\s+|still\s+)?"
    r"(?:earned|earns|won|wins|got|gets|has|had|received|receives|took|takes|leads|led|trails"
    r"|trailed|polled|polls|garnered|garners|raised|raises|spent|spends|drew|draws|is|was)\b"
)


# A figure that stands for a person: "the 74-year-old senator", "the 34-year-old".
_PERSON_BY_AGE_RE = re.compile(r"(?<=-old)(?:\s+[a-z]|\W|$)")
_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
_A_BEFORE_RE = re.compile(r"\b[Aa]n?\s+$")  # search from 0 with $: the word right before
# A run of up to four capitalised words, the last without a stop: a person's name.
_NAME_RUN = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*"
_NAME_BEFORE_AGE_RE = re.compile(rf"({_NAME_RUN}),\s+(?:the|a|an)\s+$")
_NAME_BEFORE_COMMA_RE = re.compile(rf"({_NAME_RUN}),\s*(?:(?:then|now)\s+)?$")  # "Lee, then 38,"
# An age set off by commas after a name: "Smith, 74, said" (the whole number, not the
# "1," of "1,250").
_AGE_IN_COMMAS_RE = re.compile(r"\d{1,3},")
_COMMA_BEFORE_RE = re.compile(r",\s+$")
# Where an unnamed person is from, and the common noun for them: "7-year-old Peruvian girl".
_UNNAMED_AFTER_AGE_RE = re.compile(r"(?<=-old)\s+(?P<where>[A-Z][\w'’-]*)\s+[a-z]")
_FIRST_NAME_ALONE_RE = re.compile(r"\s*(?:[.,;:)]|$)")
# An age of a relative: "his 25-year-old son", "Okafor's 3-year-old daughter, Ayo,".
_RELATIVE_AFTER_AGE_RE = re.compile(
    r"(?:(?<=-old)|-old)\s+(?P<noun>sons?|daughters?|child|children|kids?|boys?|girls?|baby"
    r"|grandsons?|granddaughters?|grandchild|brothers?|sisters?|wife|husband|mother|father"
    r"|nephews?|nieces?|stepsons?|stepdaughters?)\b"
    r"(?:,\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})(?=\s*[,.;]|\s*$))?"
)
_CAPITAL_NAME_RE = re.compile(_NAME_RUN)
_POSSESSOR_BEFORE_RE = re.compile(
    r"(?:\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir|whose)|(?P<name>(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]*)['’]s?)"
    r"\s+(?:[a-z]+\s+)?$"
)
_NAME_AFTER_AGE_RE = re.compile(rf"(?<=-old)\s+({_NAME_RUN})")


def _acts_as_person(sentence: str, chunk: str, end: int) -> bool:
    """Whether the name `chunk`, ending at `end`, is the subject of a verb or a possessor."""
    if chunk.endswith(("'s", "’s")) or sentence.startswith(("'s", "’s"), end):
        return True
    return bool(_SUBJECT_VERB_RE.match(sentence, end) or _ING_VERB_RE.match(sentence, end))


def _pronoun_body(sentence: str, start: int) -> str | None:
    """The body named by the last "his"/"her" before a figure in its clause: "his
    campaign raised $4m" is the campaign's money, not the person's."""
    last = None
    for m in _PRONOUN_BODY_RE.finditer(sentence, max(0, start - _WINDOW), start):
        last = m
    if last is None or _CLAUSE_BREAK_RE.search(sentence, last.end(), start):
        return None
    return last["noun"].lower()


# A speaker's own figure in direct speech: "I built 40 towers", "in one day we raised
# $5,000", "my 12 grandchildren". The pronoun is the clause's subject (or the figure's
# possessor) with only lower-case words of one verb phrase between it and the number.
_FIRST_PERSON_RE = re.compile(
    r"\b(?:(?P<subject>I|[Ww]e)\b(?P<gap>[^A-Z,;:()\u2013\u2014\"“”]{1,60})"
    r"|(?P<possessor>[Mm]y|[Oo]ur)\s+(?:(?:about|nearly|almost|over|some)\s+)?)$"
)
# Words after the pronoun that make the figure someone else's: a verb of thinking or
# saying, a copula or a clause opener ("I think the rate is 5%", "we expect growth of
# 2%", "we know that 40 died").
_NOT_OWN_FIGURE_RE = re.compile(
    r"\b(?:think|thought|believe|believed|know|knew|expect|expected|forecast|predict"
    r"|predicted|estimate|estimated|see|saw|hope|want|wanted|guess|bet|suppose|feel|felt"
    r"|hear|heard|read|say|said|tell|told|is|are|was|were|am|be|been|that|if|whether"
    r"|when|where|which|who|what|because|you|they|he|she|it|its|their|his|her|there"
    r"|the|these|those|somebody|someone|anyone|everyone|nobody)\b|['’](?:m|s|re)\b"
)


def first_person(sentence: str, start: int) -> str | None:
    """The pronoun, "I" or "we", when the figure at `start` is the speaker's own, said
    in the first person (see _FIRST_PERSON_RE), else None."""
    m = _FIRST_PERSON_RE.search(sentence, max(0, start - 70), start)
    if m is None:
        return None
    if m["possessor"]:
        return "I" if m["possessor"].lower() == "my" else "we"
    if _NOT_OWN_FIGURE_RE.search(m["gap"]):
        return None
    return "I" if m["subject"] == "I" else "we"


def _paragraph_numbers(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Each sentence's paragraph, counting from 0: a line break between two sentences
    starts a new one."""
    numbers: list[int] = []
    paragraph = previous_end = 0
    for start, end in spans:
        if numbers and "\n" in text[previous_end:start]:
            paragraph += 1
        numbers.append(paragraph)
        previous_end = end
    return numbers


# The capitalised run a sentence opens with, after "In": "In Zembla, ...", "North
# Zembla election officials said ...".
_OPENING_RUN_AFTER_IN_RE = re.compile(r"\s*(?:In\s+)?((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)")


def _opening_place(sentence: str) -> str | None:
    """The place a sentence opens with ("In Zembla, ...", "North Zembla officials
    said", "Ruritania Secretary of State ..."), or None: the longest run of its first
    capitalised words that is a country or one of its regions."""
    m = _OPENING_RUN_AFTER_IN_RE.match(sentence)
    if m is None:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        name = _POSSESSIVE_END_RE.sub("", " ".join(words[:n])).rstrip(".,")
        # a region before another name is as often part of that name ("Western
        # Beacon"); a country or a US state is the place ("Ruritania Secretary of State")
        if places.is_place(name) if n == len(words) else places.is_country_or_us_state(name):
            return name
    return None


def _last_pronoun(sentence: str, start: int) -> str | None:
    last = None
    for m in _PRONOUN_RE.finditer(sentence, max(0, start - _WINDOW), start):
        last = m.group().lower()
    return last


_OPENING_RUN_RE = re.compile(r"(?:[A-Z][\w&.'’-]*\s+)*(?:[A-Z][\w&.'’-]*)?")


def _midsentence_names(text: str, spans: list[tuple[int, int]]) -> frozenset[str]:
    """Capitalised words the article writes inside a sentence, not only in the run of
    capitalised words that opens it ("Acme Industries rose" names neither word)."""
    words: set[str] = set()
    for s, e in spans:
        sentence = text[s:e]
        opening = _OPENING_RUN_RE.match(sentence, _lead(sentence))
        assert opening is not None  # the pattern matches the empty string
        if "\n" not in sentence:  # (most sentences are one line)
            words.update(_CAPITAL_WORD_RE.findall(sentence, opening.end()))
            continue
        words.update(
            m.group()
            for m in _CAPITAL_WORD_RE.finditer(sentence, opening.end())
            if not _opens_a_line(sentence, m.start())
        )
    return frozenset(context.bare(word).rstrip(".") for word in words)


def _opens_a_line(sentence: str, pos: int) -> bool:
    """Whether the word at `pos` is the first of a line: a title's second line opens
    as a sentence does ("Acme wins; \nOpinions are split")."""
    while pos > 0 and sentence[pos - 1] in " \t":
        pos -= 1
    return pos > 0 and sentence[pos - 1] == "\n"


@lru_cache(maxsize=8192)
def _clean_name(raw: str) -> str | None:
    """A capitalised chunk as a subject name (cached: articles repeat their names)."""
    chunk = context.trim_chunk(raw)
    return _as_subject(chunk) if chunk else None


def _main_entity(
    text: str, spans: list[tuple[int, int]], names: frozenset[str], common: Set[str]
) -> str | None:
    """The name the article is about, by its mentions: the opening sentence counts
    thrice, the subject or possessor of a clause twice, a source of figures or a
    word that only modifies a noun ("Islamic banking") half; headlines are skipped."""
    counts: defaultdict[str, float] = defaultdict(float)
    mentions: defaultdict[str, int] = defaultdict(int)
    first = True
    for s, e in spans[:_MAIN_ENTITY_SENTENCES]:
        sentence = text[s:e]
        # (the cheap test first: most sentences after the first end as sentences do)
        if (first or not ENDS_SENTENCE.search(sentence)) and _is_headline(sentence):
            continue  # a headline opens the text, a section's heading opens a part of it
        if context.holds_any(sentence, _CONTACT_MARKS) and len(_CONTACT_RE.findall(sentence)) > 1:
            continue  # a release's contact lines: its desks and addresses, not its topic
        weight = 3.0 if first else 1.0
        first = False
        lead = dateline_end(sentence) or _lead(sentence)  # the story opens after a dateline
        for m in _CHUNK_RE.finditer(sentence, lead):
            raw = m.group(1)
            if m.start(1) == lead or _opens_a_line(sentence, m.start(1)):
                # a lone word that only ever opens sentences ("Voters said") is too
                # uncertain a name to make an article's topic
                raw = "" if raw.lower() in common else _trim_opener(raw, names, common)
            subject = _clean_name(raw) if raw else None
            if not subject or _NUMBER_BEFORE_RE.search(
                sentence, max(0, m.start(1) - 12), m.start(1)
            ):
                continue
            if _CAPITALS_HEADING_RE.fullmatch(subject):
                continue  # "BOCA RATON, Fla. —", "TOP STORIES": a dateline or a heading
            if places.demonym_country(raw.rstrip(".")) and sentence.endswith(" in ", 0, m.start(1)):
                continue  # "shot in Spanish": a language, not the country
            role = _mention_role(sentence, m.start(1), m.end(1), subject)
            counts[subject] += weight * role
            mentions[subject] += 1 + (weight > 1)  # the opening sentence counts twice
    if not counts:
        return None
    merged: defaultdict[str, float] = defaultdict(float)
    times: defaultdict[str, int] = defaultdict(int)
    people = _people_by_part(counts)
    for name, count in counts.items():
        head = _alias_head(name, people, counts)
        merged[head] += count
        times[head] += mentions[name]
    best, score = max(merged.items(), key=lambda item: item[1])  # the first of the highest
    # named once past the opening, a place or a person is a passing mention, not what the
    # text is about; a firm or a body, named once, is taken up by "its" and "the company"
    return best if score >= 2 and (times[best] >= 2 or is_org_name(best)) else None


def _mention_role(sentence: str, start: int, end: int, name: str) -> float:
    """How much one mention makes a name the article's topic."""
    if _SOURCE_AFTER_RE.match(sentence, end):
        return 0.25  # a body that gives figures is mostly their source, not their subject
    if _source_named_before(sentence, start):
        return 0.25
    if _PREPOSITION_BEFORE_RE.search(sentence, max(0, start - 16), start):
        return 0.75  # "sales outside Europe helped": not the clause's subject
    if sentence.startswith(("'s", "’s"), end) or _SUBJECT_VERB_RE.match(sentence, end):
        return 2.0
    modifier = context.LOWER_WORD_NEXT_RE.match(sentence, end)
    if modifier and len(name.split()) == 1 and name.endswith(_ADJECTIVE_ENDINGS):
        return 0.5  # "Baltic shipping", "Eastern groups": an adjective, not a name
    return 1.0


# A dateline that opens a story: "BOCA RATON, Fla. — ", "DUNMORE (Reuters) - ".
_DATELINE_RE = re.compile(
    # the place with its state or its agency ("NATO -- " alone is an acronym), or a
    # place of six letters or more ("WASHINGTON — ")
    r"\s*(?:[A-Z][A-Z.'’ -]+,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*(?:\([^)]{1,30}\)\s*)?"
    r"|[A-Z][A-Z.'’ -]+\([^)]{1,30}\)\s*|[A-Z][A-Z.'’ ]{5,})"
    r"(?:—|--|–|-)\s+"
)


def dateline_end(text: str, start: int = 0) -> int:
    """Where the story opens in a sentence at `start` that a dateline leads ("BOCA
    RATON, Fla. — Weeds cover ..."): after it, else `start`."""
    m = _DATELINE_RE.match(text, start)
    return m.end() if m else start


# Words all in capitals, two or more: a dateline's place or a section heading, in the
# case no name is written in ("BOCA RATON", "TOP STORIES"); an acronym is one word.
_CAPITALS_HEADING_RE = re.compile(r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)+")
# What only a contact line holds: an e-mail or web address, a telephone number.
_CONTACT_RE = re.compile(r"\w@\w|\bwww\.|https?://|\(\d{3}\)\s*\d{3}-\d{4}")
_CONTACT_MARKS = ("@", "www.", "://", "(")  # one of which every contact holds


def _is_headline(sentence: str) -> bool:
    """A title-case line ("Acme Beats Rivals In Record Year"): every word capitalised."""
    words = _WORD_RE.findall(sentence)
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 3:
        return False
    return sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def _alias_head(name: str, people: dict[str, list[str]], counts: Mapping[str, float]) -> str:
    """The full name a short one stands for: a person's ('Smith' or 'Jane' -> 'Jane
    Smith'), or the only counted name a head noun ends ('Committee' -> 'Federal Open
    Market Committee', as 'the Committee' refers back to it)."""
    if " " in name:
        return name
    if name in people:
        return max(people[name], key=lambda n: counts[n])
    longer = [n for n in counts if n.endswith(" " + name)]
    return longer[0] if len(longer) == 1 else name


def _people_by_part(counts: Mapping[str, float]) -> dict[str, list[str]]:
    """Full person names by their first and last words."""
    people: dict[str, list[str]] = {}
    for name in counts:
        words = name.split()
        if len(words) > 1 and is_person_name(name):
            for part in {words[0], words[-1]}:
                people.setdefault(part, []).append(name)
    return people
