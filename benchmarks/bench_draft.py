"""Benchmark `checker check-draft`: a 5,000-word draft against a case of 1,000 source texts.

    python benchmarks/bench_draft.py [--sources 1000] [--draft-words 5000] [--seed 7]

Generates, in a temporary folder and from a fixed seed, a case of source texts of about 500
words, each quoting three speakers (recorded in its claim file, JSON) and stating one
organisation's staff count; and a draft whose quotations are drawn from them: exact (some cut
with an ellipsis or a bracketed insertion, all wrapped over lines), credited to the wrong
speaker, changed by a word (a misquote) or by punctuation, and invented; plus staff counts that
agree with the sources, contradict them, or that no source carries. Then it checks the draft,
verifies the number of findings of each kind, and prints the wall time of each phase. The
target is under 5 seconds for the whole check (validation included) on the machine at hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tabulate import tabulate

from checker.claims.validation import validate
from checker.prose.draftcheck import check_draft

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"


class World:
    """Pseudo-words for prose, names for speakers and organisations, all distinct."""

    def __init__(self, rng: random.Random, speakers: int, orgs: int):
        self.rng = rng
        self.used: set[str] = set()
        self.vocabulary = [self.word(2, 3) for _ in range(4000)]
        self.people = [(self.word(2, 2).title(), self.word(3, 3).title()) for _ in range(speakers)]
        self.orgs = [f"{self.word(2, 3).title()} Institute" for _ in range(orgs)]

    def word(self, low: int, high: int) -> str:
        while True:
            syllables = self.rng.randint(low, high)
            text = "".join(
                self.rng.choice(_CONSONANTS) + self.rng.choice(_VOWELS) for _ in range(syllables)
            )
            if text not in self.used:
                self.used.add(text)
                return text

    def words(self, count: int) -> list[str]:
        return [self.rng.choice(self.vocabulary) for _ in range(count)]

    def sentence(self, count: int) -> str:
        words = self.words(count)
        return " ".join([words[0].title(), *words[1:]]) + "."


def person_id(number: int) -> str:
    return f"person-{number}"


def write_case(folder: Path, world: World, sources: int) -> list[dict[str, Any]]:
    """Write case.yaml, the texts and the claim files; return every recorded quote."""
    rng = world.rng
    entities: dict[str, Any] = {}
    for number, (first, last) in enumerate(world.people):
        entities[person_id(number)] = {"name": f"{first} {last}", "aliases": [last]}
    for number, name in enumerate(world.orgs):
        entities[f"org-{number}"] = {"name": name}
    case = {
        "format": "case/1",
        "id": "bench-draft",
        "entities": entities,
        "properties": {"staff_count": {"type": "number", "keywords": ["staff"]}},
    }
    (folder / "case.yaml").write_text(json.dumps(case), encoding="utf-8")
    (folder / "texts").mkdir()
    quotes: list[dict[str, Any]] = []
    claimed_orgs = len(world.orgs) - 10  # the last ten organisations are in no source
    for number in range(sources):
        paragraphs, recorded = [], []
        for _ in range(3):
            speaker = rng.randrange(len(world.people))
            said = " ".join(world.words(rng.randint(14, 20)))
            said = said[0].upper() + said[1:]
            name = " ".join(world.people[speaker])
            prose = " ".join(world.sentence(rng.randint(10, 18)) for _ in range(6))
            paragraphs.append(f"{prose} \u201c{said},\u201d said {name}.")
            recorded.append({"speaker": person_id(speaker), "text": f"{said},"})
            quotes.append({"speaker": speaker, "text": said, "source": number})
        org = number % claimed_orgs
        staff = 100 + org
        fact = f"The {world.orgs[org]} has {staff} staff members."
        paragraphs.append(
            " ".join(world.sentence(rng.randint(10, 18)) for _ in range(4)) + " " + fact
        )
        text = "\n\n".join(textwrap.fill(p, 90) for p in paragraphs) + "\n"
        (folder / "texts" / f"{number}.txt").write_text(text, encoding="utf-8")
        claims = [{"subject": f"org-{org}", "property": "staff_count", "value": staff,
                   "evidence": fact}]  # fmt: skip
        document = {
            "format": "claims/1",
            "source": {"id": f"s{number}", "outlet": f"Outlet {number}",
                       "text": f"texts/{number}.txt"},
            "claims": claims,
            "quotes": recorded,
        }  # fmt: skip
        (folder / f"s{number}.json").write_text(json.dumps(document), encoding="utf-8")
    return quotes


def write_draft(world: World, quotes: list[dict[str, Any]], words: int) -> tuple[str, Counter[str]]:
    """A draft of about ``words`` words; return it with the findings it must produce."""
    rng = world.rng
    expected: Counter[str] = Counter()
    items: list[str] = []
    chosen = rng.sample(quotes, 130)
    for number, quote in enumerate(chosen):
        words_of = quote["text"].split()
        speaker = quote["speaker"]
        if number < 60:  # exact, some cut with an ellipsis or a bracketed insertion
            if number % 3 == 1:
                words_of = [*words_of[:5], "\u2026", *words_of[-5:]]
            elif number % 3 == 2:
                words_of[4] = "[the agency]"
        elif number < 70:  # exact, in the wrong mouth
            speaker = (speaker + 1) % len(world.people)
            expected["wrong-speaker (error)"] += 1
        elif number < 90:  # one meaning word changed
            words_of[6] = world.word(3, 3)
            expected["misquote (error)"] += 1
        elif number < 95:  # punctuation added
            words_of[6] += ","
            expected["misquote (info)"] += 1
        elif number < 115:  # invented
            words_of = world.words(len(words_of))
            words_of[0] = words_of[0].title()
            expected["unverified-quote (warning)"] += 1
        else:
            continue
        first, last = world.people[speaker]
        attribution = f"said {first} {last}." if number % 2 else f"{last} said."
        items.append(f"\u201c{' '.join(words_of)},\u201d {attribution}")
    for number in range(20):  # staff counts: agreeing, contradicted, unsourced
        if number < 5:
            org, staff = number, 100 + number
        elif number < 15:
            org, staff = number, 150 + number
            expected["contradicted (error)"] += 1
        else:
            org, staff = len(world.orgs) - 1 - number % 10, 7
            expected["unsourced (info)"] += 1
        items.append(f"The {world.orgs[org]} has {staff} staff members.")
    rng.shuffle(items)
    paragraphs = []
    prose_words = words - sum(len(item.split()) for item in items)
    written = 0
    for number, item in enumerate(items, start=1):
        prose = []
        while written < prose_words * number // len(items):
            prose.append(world.sentence(rng.randint(8, 16)))
            written += len(prose[-1].split())
        paragraphs.append(textwrap.fill(" ".join([*prose, item]), 90))
    return "# A long story\n\n" + "\n\n".join(paragraphs) + "\n", expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--draft-words", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    phases: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "case"
        folder.mkdir()
        started = time.perf_counter()
        world = World(random.Random(args.seed), speakers=200, orgs=60)
        quotes = write_case(folder, world, args.sources)
        draft, expected = write_draft(world, quotes, args.draft_words)
        (folder.parent / "draft.md").write_text(draft, encoding="utf-8")
        phases.append(
            ("generate the case and the draft (not timed)", time.perf_counter() - started)
        )
        started = time.perf_counter()
        validation = validate([folder])
        validated = time.perf_counter()
        report = check_draft(draft, "draft.md", validation)
        checked = time.perf_counter()
    phases += [
        ("validate the case (claim files, texts, evidence)", validated - started),
        ("check the draft (compare, index, quotes, facts)", checked - validated),
        ("total: what `checker check-draft` spends", checked - started),
    ]
    found = Counter(f"{f.kind} ({f.severity.label})" for f in report.findings)
    words = len(draft.split())
    print(f"{args.sources} source texts, {len(quotes)} recorded quotes, a {words}-word draft")
    print(tabulate(phases, headers=["phase", "wall time (s)"], floatfmt=".2f"))
    rows = [(kind, expected[kind], found[kind]) for kind in sorted(set(expected) | set(found))]
    print()
    print(tabulate(rows, headers=["finding kind (severity)", "expected", "found"]))
    if found != expected or validation.blocking:
        print("MISMATCH: the check did not find what the draft holds", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
