"""Name resolution: exact spellings, variants (typos, reordered words) and unknown names."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process

from checker.model.names import SUGGESTION_THRESHOLD, NameIndex, name_score

SPELLINGS = {
    "ice": ["U.S. Immigration and Customs Enforcement", "ICE"],
    "dhs": ["U.S. Department of Homeland Security", "Homeland Security"],
    "ndlon": ["National Day Laborer Organizing Network", "NDLON"],
    "kice": ["Virginia Kice", "Kice"],
}


def test_exact_variant_and_unknown() -> None:
    index = NameIndex(SPELLINGS)
    assert index.resolve("u.s. immigration and customs-enforcement").exact
    variant = index.resolve("U.S. Customs and Immigration Enforcement")
    assert (variant.entity, variant.exact) == ("ice", False)
    typo = index.resolve("National Day Laborers Organizing Network")
    assert (typo.entity, typo.exact) == ("ndlon", False)
    unknown = index.resolve("Dale Gronemeier")
    assert (unknown.entity, unknown.suggestions) == (None, ())


VOCABULARY = (
    ["us", "immigration", "customs", "and", "enforcement", "homeland", "security", "kice",
     "virginia", "day", "laborer", "network", "of", "department", "vrginia", "enforcment"]
)  # fmt: skip
words = st.sampled_from(VOCABULARY)


@settings(max_examples=200, deadline=None)
@given(query=st.lists(words, min_size=1, max_size=6).map(" ".join))
def test_native_search_matches_the_scorer_it_stands_for(query: str) -> None:
    """The two native rapidfuzz passes give exactly the scores of `name_score` per spelling."""
    index = NameIndex(SPELLINGS)
    expected = process.extract(
        query, index._choices, scorer=name_score, score_cutoff=SUGGESTION_THRESHOLD, limit=None
    )
    found = index._close_spellings(query)
    assert sorted((i, round(s, 6)) for _, s, i in found) == sorted(
        (i, round(s, 6)) for _, s, i in expected
    )


@settings(max_examples=500, deadline=None)
@given(
    name=st.lists(
        st.sampled_from(["U.S.", "O'Neil", " a.b ", "x'", "-", " "])
        | st.text(alphabet=st.characters(max_codepoint=127), max_size=3),
        max_size=10,
    ).map("".join)
)
def test_ascii_names_fold_as_any_name_does(name: str) -> None:
    """The ASCII fast path (most names) folds exactly as the Unicode path would."""
    from checker.model.text import fold_ascii, fold_unicode

    assert fold_ascii(name) == fold_unicode(name)


@settings(max_examples=300, deadline=None)
@given(
    query=st.lists(words, min_size=1, max_size=6).map(" ".join),
    typo=st.integers(min_value=0, max_value=40),
)
def test_the_length_window_loses_no_variant(query: str, typo: int) -> None:
    """Scoring only spellings of a fitting length finds exactly the owners that scoring every
    spelling finds at the name-variant threshold."""
    from checker.model.names import NAME_VARIANT_THRESHOLD

    if typo < len(query):
        query = query[:typo] + query[typo + 1 :]  # a dropped letter
    for index in (NameIndex(SPELLINGS), MANY):
        every = {
            index._owners[i]
            for _, score, i in index._close_spellings(query)
            if score >= NAME_VARIANT_THRESHOLD
        }
        assert index._variant_owners(query) == every


#: 696 spellings of every length from 2 to 30-odd letters: one to three words of the vocabulary.
MANY = NameIndex(
    {
        f"e{n}": [" ".join(combo)]
        for n, combo in enumerate(
            c for size in (1, 2, 3) for c in itertools.combinations(sorted(set(VOCABULARY)), size)
        )
    }
)
