"""Pair the same speaker's quotes across sources and show how their words differ.

Two quotes are paired only when they are close (rapidfuzz ratio of their normalised words at or
above :data:`QUOTE_PAIR_THRESHOLD`, or a near-fragment); a quote contained in another is a
fragment that corroborates it, not a variant. The difference is shown word by word (difflib).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from checker.claims.problems import Severity
from checker.compare.report import ClaimRef, Finding, fingerprint
from checker.model.case import CaseModel, Quote

#: Two quotes of one speaker are the same quote, reported differently, from this ratio up.
QUOTE_PAIR_THRESHOLD = 75.0
#: A shorter quote matching part of a longer one this well (but not exactly) is a variant.
FRAGMENT_THRESHOLD = 90.0
_MIN_FRAGMENT_WORDS = 4
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def words_only(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def is_pair(a: str, b: str) -> bool:
    """Whether two normalised quotes are the same quote (identical, fragment or variant)."""
    if a == b or a in b or b in a:
        return True
    if fuzz.ratio(a, b) >= QUOTE_PAIR_THRESHOLD:
        return True
    shorter = a if len(a) <= len(b) else b
    return (
        len(shorter.split()) >= _MIN_FRAGMENT_WORDS
        and fuzz.partial_ratio(a, b) >= FRAGMENT_THRESHOLD
    )


def word_diff(old: str, new: str) -> str:
    """``old`` turned into ``new`` word by word: ``[-removed-]`` and ``{+added+}``.

    Words are matched ignoring case and the punctuation around them, so that a moved comma
    does not hide the word that changed; where only punctuation or case differs, the
    punctuation is shown.
    """
    a, b = old.split(), new.split()
    keys_a, keys_b = [words_only(w) for w in a], [words_only(w) for w in b]
    if keys_a == keys_b:
        keys_a, keys_b = a, b
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(b[j1:j2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


def quote_ref(quote: Quote) -> ClaimRef:
    value: object = quote.parts[0] if len(quote.parts) == 1 else list(quote.parts)
    return ClaimRef(
        kind="quote",
        source=quote.source,
        file=quote.location.file,
        line=quote.location.line,
        id=quote.id,
        value=value,
        normalized=quote.normalized,
        attributed_to=quote.speaker,
        role="speaker",
    )


def _variants(quotes: Sequence[Quote]) -> list[tuple[Quote, Quote]]:
    pairs: list[tuple[Quote, Quote]] = []
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            if a.source == b.source or a.normalized == b.normalized:
                continue
            if a.normalized in b.normalized or b.normalized in a.normalized:
                continue  # a fragment corroborates the longer quote
            if is_pair(a.normalized, b.normalized):
                pairs.append((a, b))
    return pairs


def quote_findings(model: CaseModel) -> list[Finding]:
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in model.quotes:
        by_speaker[quote.speaker].append(quote)
    findings: list[Finding] = []
    for speaker, quotes in sorted(by_speaker.items()):
        ordered = sorted(quotes, key=lambda q: (q.source, q.index))
        pairs = _variants(ordered)
        if not pairs:
            continue
        only_punctuation = all(words_only(a.text) == words_only(b.text) for a, b in pairs)
        involved = sorted({q for pair in pairs for q in pair}, key=lambda q: (q.source, q.index))
        diffs = [f"{a.source} -> {b.source}: {word_diff(a.text, b.text)}" for a, b in pairs]
        sources = sorted({q.source for q in involved})
        findings.append(
            Finding(
                kind="quote-variant",
                severity=Severity.INFO if only_punctuation else Severity.WARNING,
                subject=speaker,
                property=None,
                message=f"{speaker} is quoted differently by {', '.join(sources)}",
                fingerprint=fingerprint(
                    "quote-variant", speaker, None, [q.normalized for q in involved]
                ),
                claims=tuple(quote_ref(q) for q in involved),
                diff="\n".join(diffs),
            )
        )
    return findings
