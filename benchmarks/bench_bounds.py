"""Benchmark `checker validate` on inputs built to be slow: the bounds on work and size.

    python benchmarks/bench_bounds.py [--entities 100000] [--timeout 120] [--seed 3]

Generates, in a temporary folder and from a fixed seed, one case per row:

- one claim whose evidence (10 KB, 40 KB, 100 KB, 1 MB of prose) is absent from an 8 KB text,
  and one whose 3 KB evidence is absent from a 1 MB text: the search for the closest passage;
- a case of ``--entities`` entities (name and alias each) and 1,000 claims, 0, 1 or 100 of them
  with a misspelled subject (four letters changed: unknown, with suggestions), every name
  "Town Unified School District" (alias "Town USD"), so that all are alike: name resolution;
- a 9 MB source text with 20 excerpts found in it and one not, and a 50 MB one (over the 10 MB
  cap): reading and folding source texts.

Each row is validated in a process of its own (killed after ``--timeout`` seconds), which
reports the wall time of ``validate`` and its peak resident memory. ``problems`` counts what
validation reported and ``digest`` fingerprints the messages, so that two runs (before and
after a change) show whether the results changed. Every row must report what it was built to
(``as expected``): one missed excerpt; for each misspelling, an unknown subject whose first
suggestion is the entity meant; the cap error.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tabulate import tabulate

from checker.model.names import name_score
from checker.model.text import fold_name

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
KB = 1024
MB = 1024 * KB


class Words:
    """Pseudo-words, all distinct, and prose made of them."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()
        self.vocabulary = [self.word(2, 3) for _ in range(4000)]

    def word(self, low: int, high: int) -> str:
        while True:
            text = "".join(
                self.rng.choice(_CONSONANTS) + self.rng.choice(_VOWELS)
                for _ in range(self.rng.randint(low, high))
            )
            if text not in self.used:
                self.used.add(text)
                return text

    def sentence(self) -> str:
        words = [self.rng.choice(self.vocabulary) for _ in range(self.rng.randint(8, 18))]
        return " ".join([words[0].title(), *words[1:]]) + "."

    def prose(self, size: int) -> str:
        """Paragraphs of wrapped sentences, ``size`` characters or a little more."""
        paragraphs: list[str] = []
        written = 0
        while written < size:
            paragraph = textwrap.fill(" ".join(self.sentence() for _ in range(6)), 90)
            paragraphs.append(paragraph)
            written += len(paragraph) + 2
        return "\n\n".join(paragraphs) + "\n"


def write(folder: Path, entities: dict[str, Any], claims: list[dict[str, Any]], text: str) -> None:
    folder.mkdir(parents=True)
    case = {
        "format": "case/1",
        "id": folder.name,
        "entities": entities,
        "properties": {"staff": {"type": "number"}},
    }
    (folder / "case.yaml").write_text(json.dumps(case), encoding="utf-8")
    (folder / "source.txt").write_text(text, encoding="utf-8")
    document = {
        "format": "claims/1",
        "source": {"id": "s1", "outlet": "Outlet", "text": "source.txt"},
        "claims": claims,
    }
    (folder / "s1.json").write_text(json.dumps(document), encoding="utf-8")


def claim(subject: str, evidence: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"subject": subject, "property": "staff", "value": 12}
    if evidence is not None:
        found["evidence"] = evidence
    return found


Check = Callable[[list[str]], bool]


def evidence_rows(root: Path, words: Words) -> list[tuple[str, Path, Check]]:
    def one_miss(problems: list[str]) -> bool:
        return len(problems) == 1 and problems[0].startswith("evidence ")

    rows = []
    short_text = words.prose(8 * KB)
    entities = {"org": {"name": "Fobalu Institute"}}
    for label, size, text in [
        ("10 KB", 10 * KB, short_text),
        ("40 KB", 40 * KB, short_text),
        ("100 KB", 100 * KB, short_text),
        ("1 MB", MB, short_text),
        ("3 KB", 3 * KB, words.prose(MB)),
    ]:
        evidence = " ".join(words.prose(size).split())[:size]
        folder = root / f"evidence-{label.replace(' ', '').lower()}-{len(text) // KB}k"
        write(folder, entities, [claim("org", evidence)], text)
        rows.append(
            (f"a {label} evidence absent from a {len(text) // KB:,} KB text", folder, one_miss)
        )
    return rows


def misspelt(name: str, rng: random.Random, used: set[str]) -> str:
    """``name`` with four letters of "Unified School District" changed: too far for a name
    variant, close enough for a suggestion (the town is kept: the name meant is the closest),
    and close to every name of the case (they differ only in the town)."""
    after_town = name.index(" ")
    while True:
        letters = list(name)
        places = [i for i, c in enumerate(letters) if c.isalpha() and i > after_town]
        for position in rng.sample(places, 4):
            letters[position] = rng.choice([c for c in "xqjwy" if c != letters[position]])
        written = "".join(letters)
        # Far enough from the name meant to be no name variant of it.
        if written.lower() not in used and name_score(fold_name(written), fold_name(name)) < 88:
            return written


def name_rows(root: Path, words: Words, count: int) -> list[tuple[str, Path, Check]]:
    rng = words.rng
    entities: dict[str, Any] = {}
    for number in range(count):
        town = words.word(3, 4).title()
        entities[f"e{number}"] = {"name": f"{town} Unified School District",
                                  "aliases": [f"{town} USD"]}  # fmt: skip
    spellings = {s.lower() for e in entities.values() for s in (e["name"], *e["aliases"])}
    text = words.prose(4 * KB)
    rows = []
    for wrong in (0, 1, 100):
        chosen = rng.sample(sorted(entities), 1000)
        meant: dict[str, str] = {}
        claims = [claim(entity_id) for entity_id in chosen]
        for n in range(wrong):
            written = misspelt(entities[chosen[n]]["name"], rng, spellings)
            meant[written] = chosen[n]
            claims[n] = claim(written)
        folder = root / f"names-{wrong}"
        write(folder, entities, claims, text)

        def suggested(problems: list[str], meant: dict[str, str] = meant) -> bool:
            return len(problems) == len(meant) and all(
                any(f"unknown subject '{w}'" in p and f"did you mean {e} (" in p for p in problems)
                for w, e in meant.items()
            )

        label = f"{count:,} entities, 1,000 claims, {wrong} misspelled subjects"
        rows.append((label, folder, suggested))
    return rows


def text_rows(root: Path, words: Words) -> list[tuple[str, Path, Check]]:
    text = words.prose(9 * MB)
    paragraphs = text.split("\n\n")
    step = len(paragraphs) // 20
    sentences = [s + "." for p in paragraphs[step // 2 :: step] for s in p.split(". ")[1:2]]
    claims = [claim("org", " ".join(s.split())) for s in sentences[:20]]
    claims.append(claim("org", "Nothing of the kind was ever said in this text at all."))
    entities = {"org": {"name": "Fobalu Institute"}}
    write(root / "text-9mb", entities, claims, text)
    write(root / "text-50mb", entities, claims[:1], text * 6)  # 54 MB

    def one_miss(problems: list[str]) -> bool:
        return len(problems) == 1 and "not found verbatim" in problems[0]

    def capped(problems: list[str]) -> bool:
        return len(problems) == 1 and "size cap" in problems[0]

    return [
        (f"a 9 MB source text, {len(claims) - 1} excerpts found and 1 not", root / "text-9mb",
         one_miss),
        ("a 54 MB source text (over the 10 MB cap)", root / "text-50mb", capped),
    ]  # fmt: skip


def child(folder: Path) -> None:
    """Validate ``folder`` in this process; print the time, memory and problems as JSON."""
    from checker.claims.validation import validate

    started = time.perf_counter()
    result = validate([folder])
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    status = Path("/proc/self/status")
    if status.exists():  # ru_maxrss keeps the parent's size at the fork; VmHWM is this program's
        found = [line.split()[1] for line in status.read_text().splitlines() if "VmHWM" in line]
        peak = int(found[0]) / 1024 if found else peak
    problems = [p.message for p in result.problems]
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "problems": problems}))


def measure(folder: Path, timeout: float) -> dict[str, Any] | None:
    env = {**os.environ, "CHECKER_NO_CACHE": "1", "CHECKER_JOBS": "1"}
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(folder)],
            capture_output=True, text=True, timeout=timeout, env=env, check=True,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return None
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per row")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--only", default="", help="run only rows whose label holds this")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    table, wrong = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        words = Words(random.Random(args.seed))
        started = time.perf_counter()
        rows = [
            *evidence_rows(Path(tmp), words),
            *name_rows(Path(tmp), words, args.entities),
            *text_rows(Path(tmp), words),
        ]
        print(f"generated in {time.perf_counter() - started:.1f} s (not timed)", file=sys.stderr)
        for label, folder, check in rows:
            if args.only not in label:
                continue
            found = measure(folder, args.timeout)
            if found is None:
                table.append((label, f"> {args.timeout:.0f} (killed)", "", "", "", ""))
                print(f"  {label}: killed after {args.timeout:.0f} s", file=sys.stderr)
                continue
            problems = found["problems"]
            digest = hashlib.blake2b("\n".join(problems).encode(), digest_size=4).hexdigest()
            ok = check(problems)
            wrong += not ok
            table.append(
                (label, f"{found['seconds']:.2f}", f"{found['peak_mb']:.0f}", len(problems),
                 digest, "yes" if ok else "NO")
            )  # fmt: skip
            print(f"  {label}: {found['seconds']:.2f} s", file=sys.stderr)
    headers = ["validate", "wall time (s)", "peak MB", "problems", "digest", "as expected"]
    print(tabulate(table, headers=headers, tablefmt="github", disable_numparse=True))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
