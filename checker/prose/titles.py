"""Role titles as yes/no facts: "CEO Linda McMahon", "McMahon, the CEO of ...".

A yes/no property whose keyword names a role (its last word is a title noun: "CEO", "former WWE
wrestling executive") is stated by the title itself, with no verb: a writer puts it right before
a name ("former WWE wrestling executive Linda McMahon") or sets it off right after one as an
appositive (", the CEO of World Wrestling Entertainment"). Only those two places are read, so
that the title belongs to the person it stands by and to no one else named in the sentence
("CEO Vince McMahon and Linda McMahon" says nothing of Linda). "Former", "ex-" or "onetime" in
the title says the role is no longer held (no); without one, it is held (yes). A property that
is itself of a former role ("former chief of staff") is read only where the title says so.
Quotations are blanked before this is read (:class:`checker.prose.drafts.Sentence`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from checker.model.case import BoolValue, PropertySpec
from checker.prose.attribution import Mention
from checker.prose.prosevalues import words_of

#: Nouns that name a role a person holds; a keyword ending in one is a title.
TITLE_NOUNS = frozenset({
    "ceo", "cfo", "coo", "executive", "president", "chairman", "chairwoman", "chair",
    "director", "secretary", "senator", "governor", "mayor", "founder", "owner", "spokesman",
    "spokeswoman", "spokesperson", "commissioner", "chancellor", "minister", "ambassador",
    "congressman", "congresswoman", "judge", "sheriff", "treasurer", "adviser", "advisor",
    "counsel", "publisher", "editor", "superintendent", "prosecutor", "staff", "manager",
})  # fmt: skip
#: Words that say a title is no longer held.
PAST = frozenset({"former", "ex", "onetime", "erstwhile"})
#: Words that may stand between a name's comma and an appositive title: an article, a time
#: word, a possessive ("the company's") or a capitalized word of a name ("WWE"). A verb or a
#: relative pronoun ("whose husband is the CEO") makes the title someone else's.
_ARTICLES = frozenset({"the", "a", "an", "its", "his", "her", "their", "then", "current"})
#: Words just before a verb that deny it, and words that leave it unsure.
_DENY = frozenset({"not", "never"})
_UNSURE = frozenset({"would", "could", "may", "might", "will", "should", "can", "must", "if"})
_WORD = re.compile(r"[\w'\u2019-]+")
#: The last word of a text, with only spaces after it.
_LAST = re.compile(r"([\w'\u2019-]+)\s*$")


def is_title(spec: PropertySpec, keyword: str) -> bool:
    """Whether a keyword of a yes/no property names a role: its last word is a title noun."""
    words = words_of(keyword)
    return spec.type == "boolean" and bool(words) and words[-1] in TITLE_NOUNS


def _former_role(spec: PropertySpec) -> bool:
    return bool(PAST.intersection(words_of(f"{spec.id.replace('_', ' ')} {spec.description}")))


def _lead(prose: str, start: int) -> list[str]:
    """The words of the title phrase just before a keyword ("former WWE" of "former WWE CEO"):
    time words and capitalized words, back to anything else (a punctuation mark included)."""
    lead: list[str] = []
    rest = prose[:start]
    while match := _LAST.search(rest):
        word = match.group(1)
        plain = word.casefold().rstrip("-")
        if plain not in PAST and not word[:1].isupper():
            break
        lead.append(plain)
        rest = rest[: match.start()]
    return lead


def _appositive(between: str) -> bool:
    """Whether the text between a name and a keyword sets the keyword off as an appositive."""
    if not between.startswith(",") or any(c in between[1:] for c in ',;:()"\u201c'):
        return False
    words = _WORD.findall(between)
    return len(words) <= 3 and all(
        w.casefold().rstrip("-") in _ARTICLES | PAST
        or w.endswith(("'s", "\u2019s"))
        or w[:1].isupper()
        for w in words
    )


def title_value(
    spec: PropertySpec, prose: str, start: int, end: int, mentions: list[Mention]
) -> tuple[int, BoolValue, str] | None:
    """Where the keyword at ``start``-``end`` stands as a title of a named entity: the start of
    the reading, its value and the entity; else None."""
    if not is_title(spec, prose[start:end]):
        return None
    # Right before a name, with nothing between ("CEO Linda McMahon").
    before = next(
        (m for m in mentions if m.start >= end and not prose[end : m.start].strip()), None
    )
    # Right after one, set off by a comma (", the CEO of ...").
    after = next(
        (m for m in reversed(mentions) if m.end <= start and _appositive(prose[m.end : start])),
        None,
    )
    if (before is None) == (after is None):  # by no name, or between two: whose is unclear
        return None
    mention = before if before is not None else after
    assert mention is not None
    lead = _lead(prose, start)
    if after is not None:
        lead = _WORD.findall(prose[after.end : start].casefold())
    past = bool(PAST.intersection([*lead, *words_of(prose[start:end])]))
    past |= prose[max(0, start - 3) : start].casefold() == "ex-"
    if _former_role(spec):
        if not past:
            return None
        past = False
    first = start if before is not None else mention.start
    return first, BoolValue(not past), mention.entity


def titled(
    specs: Mapping[str, PropertySpec],
    props: Sequence[str],
    prose: str,
    keyword: tuple[int, int],
    mentions: list[Mention],
) -> list[tuple[str, int, BoolValue, str]]:
    """The properties a keyword stands as a title (or a declared verb, :func:`verb_value`) of:
    each with the start of its reading, its value and the entity it is read of."""
    out = []
    for prop in props:
        title = title_value(specs[prop], prose, *keyword, mentions)
        title = title or verb_value(specs[prop], prose, *keyword, mentions)
        if title is not None:
            out.append((prop, *title))
    return out


def _bases(word: str) -> set[str]:
    """The words ``word`` may be an inflection of ("named": name, nam; "asking": ask, aske)."""
    bases = {word}
    for suffix, back in (("s", ""), ("es", ""), ("d", ""), ("ed", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            bases.add(word[: -len(suffix)] + back)
    return bases


def verb_value(
    spec: PropertySpec, prose: str, start: int, end: int, mentions: list[Mention]
) -> tuple[int, BoolValue, str] | None:
    """A declared verb (:func:`keyword_forms`) with a name right after it, its object ("does
    not name Trump"): the verb states the fact itself, no auxiliary needed; "not", "never" or
    "n't" just before it denies it, and a modal ("would name") or a hedge leaves it unread."""
    if prose[start:end].casefold() not in verb_forms(spec.keywords):
        return None
    after = next((m for m in mentions if m.start >= end and not prose[end : m.start].strip()), None)
    before = [w.casefold() for w in _WORD.findall(prose[:start])][-3:]
    if after is None or _UNSURE.intersection(before):
        return None
    denied = bool(_DENY.intersection(before)) or any(w.endswith("n't") for w in before)
    return start, BoolValue(not denied), after.entity


def verb_forms(keywords: Sequence[str]) -> list[str]:
    """The forms of each verb a property declares in two inflections, one of them past or
    progressive ("names", "named": name, names, named, naming). Two such inflections show the
    keyword is a verb a writer conjugates freely ("does not name Trump"); a lone word ("drop")
    may be a noun, and is matched as written."""
    single = [k.casefold() for k in keywords if k.isalpha()]
    forms: list[str] = []
    for i, first in enumerate(single):
        for second in single[i + 1 :]:
            if not any(w.endswith(("ed", "ing")) for w in (first, second)):
                continue
            shared = _bases(first) & _bases(second)
            for base in sorted(shared, key=len)[-1:]:  # "name", not "nam", of names/named
                root = base.removesuffix("e")
                extra = [base, base + "s", root + "ed", root + "ing"]
                forms += [f for f in extra if f not in forms]
    return forms


def keyword_forms(keywords: Sequence[str]) -> list[str]:
    """A property's keywords with the other forms of the verbs it declares (:func:`verb_forms`)."""
    forms = list(keywords)
    return forms + [f for f in verb_forms(keywords) if f not in forms]
