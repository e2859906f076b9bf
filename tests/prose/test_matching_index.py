"""The excerpt index loses no match: the pruned claim matcher against the one aligning every
sentence with every excerpt, on every sentence of real articles and on the case's own excerpts
misspelt (the index must follow ``aligned`` in taking a misspelt word for the excerpt's).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.claims.validation import validate
from checker.model.case import CaseModel
from checker.prose.attribution import NameFinder
from checker.prose.claimmatch import MIN_MATCHED, ClaimMatcher, Excerpt, Match
from checker.prose.drafts import read_draft
from checker.prose.wordalign import Words, aligned

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "cases"
#: Events whose articles are matched against all the event's claims; the smaller ones (fewer
#: excerpts) also excerpt against excerpt, which is quadratic.
ARTICLES = ["blumenthal-vietnam-2010", "cowan-senate-appointment-2013", "dnc-lawsuit-2018"]
EXCERPTS = ["blumenthal-vietnam-2010", "comey-memos-2018", "trump-uk-visit-2018"]


class Unpruned(ClaimMatcher):
    """Every excerpt aligned with every sentence, as before the index."""

    def candidates(self, sentence: Words) -> list[Excerpt]:
        return self.excerpts


def model_of(event: str) -> CaseModel:
    case = CORPUS / event
    if not case.is_dir():
        pytest.skip("the shared corpus is not here")
    validation = validate([case])
    assert validation.blocking == []
    return validation.models[0]


def matches(matcher: ClaimMatcher, finder: NameFinder, prose: str) -> list[Match]:
    """What :class:`checker.prose.draftfacts.FactReader` asks of the matcher for a sentence."""
    mentions = finder.find(prose)
    named = {e for m in mentions for e in finder.chain(m.entity)}
    return matcher.match(prose, named, mentions)


def double(text: str) -> str:
    """Each word of six letters or more with its third letter doubled ("siggned"): within
    ``SPELLING`` of itself, so ``aligned`` takes it for the excerpt's word."""
    return re.sub(r"\b([A-Za-z]{2})([a-z])([a-z]{3,})", r"\1\2\2\3", text)


@pytest.mark.parametrize("event", ARTICLES)
def test_the_index_loses_no_match_on_the_articles(event: str) -> None:
    model = model_of(event)
    finder = NameFinder(model.case)
    pruned, unpruned = ClaimMatcher(model, finder), Unpruned(model, finder)
    texts = sorted({s.text_file for s in model.sources.values() if s.text_file})
    sentences = [s.prose for t in texts for s in read_draft(Path(t).read_text("utf-8")).sentences]
    assert len(sentences) > 50
    found = 0
    for prose in sentences:
        expected = matches(unpruned, finder, prose)
        assert matches(pruned, finder, prose) == expected, prose
        found += len(expected)
    assert found > 0  # the comparison is of matches, not only of empty lists


@pytest.mark.parametrize("event", EXCERPTS)
def test_an_excerpt_left_out_cannot_score(event: str) -> None:
    """Stronger than equal results: every excerpt the index leaves out of a sentence aligns
    fewer than ``MIN_MATCHED`` of its meaning words with it, misspelt words included."""
    model = model_of(event)
    finder = NameFinder(model.case)
    pruned, unpruned = ClaimMatcher(model, finder), Unpruned(model, finder)
    spelled = 0
    for excerpt in pruned.excerpts:
        for prose in (excerpt.text, double(excerpt.text)):
            sentence = Words.of(prose)
            kept = {id(e) for e in pruned.candidates(sentence)}
            for other in pruned.excerpts:
                pairs = aligned(other.words.words, sentence.words)
                matched = [i for i in other.meaningful if i in pairs]
                if id(other) not in kept:
                    assert len(matched) < MIN_MATCHED, (prose, other.text)
                elif any(other.words.words[i] not in sentence.words for i in matched):
                    spelled += 1  # kept, and aligned through a spelling slip
            assert matches(pruned, finder, prose) == matches(unpruned, finder, prose)
    assert spelled > 0  # misspelt excerpts were found through their spelling slips
