"""Generate a deterministic synthetic case: many sources, many claims, known planted findings.

    python benchmarks/generate.py OUT_DIR --sources 100 --claims 100 [--format json|yaml] [--seed 1]

The case has entities with aliases, dated events, properties of every type (some time-varying),
and sources whose claims agree with a hidden truth: dates at several precisions and as relative
dates, approximate numbers within tolerance, names written by alias, speakers and quotes. Then it
plants a known number of discrepancies of each kind, each on a fact of its own, and writes the
answer key to ``OUT_DIR/expected.json``: the (kind, subject, property) of every finding the
checker must report, and nothing else. Beside the case it writes a draft (a claim file of kind
draft, ``OUT_DIR/draft.json``) that restates known facts and contradicts five, with its own
answer key for ``check-draft`` (``OUT_DIR/expected-draft.json``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PLANTED_KINDS = (
    "conflict",
    "misattribution",
    "disputed",
    "contested-assertion",
    "quote-variant",
    "name-variant",
)
PROPERTIES: dict[str, dict[str, Any]] = {
    "signed_on": {"type": "date"},
    "opened_on": {"type": "date"},
    "staff": {"type": "number", "tolerance": "10%"},
    "budget": {"type": "number", "tolerance": "5%"},
    "approved": {"type": "boolean"},
    "leader": {"type": "entity"},
    "headquarters": {"type": "text"},
    "cases_open": {"type": "number", "time_varying": True},
    "in_effect": {"type": "boolean", "time_varying": True},
}
WORDS = (
    "agency council harbor river valley county office board district union market station "
    "bridge north south east west central union public federal state local"
).split()
SURNAMES = (
    "Alvarez Brennan Castillo Delacroix Eastman Fujimoto Gallagher Haddad Ivanova Jorgensen "
    "Kowalski Lindqvist Moreau Nakamura Okafor Petrov Quintero Rasmussen Sandoval Takahashi"
).split()
GIVEN = "Ana Ben Chloe Dev Elena Farid Grace Hugo Iris Jonas Kira Luis Maya Nils Omar Priya".split()


@dataclass
class Fact:
    subject: str
    prop: str
    value: Any


class Corpus:
    def __init__(self, sources: int, claims: int, seed: int):
        self.rng = random.Random(seed)
        self.n_sources = sources
        self.n_claims = claims
        self.entities: dict[str, dict[str, Any]] = {}
        self.people: list[str] = []
        self.orgs: list[str] = []
        self.events: list[str] = []
        self.expected: list[dict[str, Any]] = []

    # -- the world ---------------------------------------------------------------------------

    def world(self) -> None:
        n_orgs = max(20, self.n_sources * self.n_claims // 50)
        for i in range(n_orgs):
            words = self.rng.sample(WORDS, 3)
            name = f"{words[0].title()} {words[1].title()} {words[2].title()} {i}"
            ident = f"org-{i}"
            self.entities[ident] = {"name": name, "aliases": [f"ORG{i}"], "affiliation": "state"}
            self.orgs.append(ident)
        self.entities["state"] = {"name": "The State Government", "aliases": ["the State"]}
        for i in range(max(10, n_orgs // 5)):
            name = f"{self.rng.choice(GIVEN)} {self.rng.choice(SURNAMES)}-{i}"
            ident = f"person-{i}"
            org = self.rng.choice(self.orgs)
            self.entities[ident] = {"name": name, "aliases": [name.split()[1]], "affiliation": org}
            self.people.append(ident)
        for i in range(20):
            ident = f"event-{i}"
            day = datetime.date(2015, 1, 1) + datetime.timedelta(days=self.rng.randrange(2000))
            self.entities[ident] = {"name": f"Event number {i}", "date": day.isoformat()}
            self.events.append(ident)

    def truth(self, subject: str, prop: str) -> Any:
        kind = PROPERTIES[prop]["type"]
        rng = self.rng
        if kind == "date":
            return datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(4000))
        if kind == "number":
            return rng.randrange(20, 5000)
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "entity":
            return rng.choice(self.people)
        return f"{rng.choice(WORDS)} street {rng.randrange(1, 900)}"

    # -- writing values the ways sources write them ---------------------------------------

    def written(self, prop: str, value: Any) -> Any:
        kind = PROPERTIES[prop]["type"]
        rng = self.rng
        if kind == "date":
            roll = rng.random()
            if roll < 0.15:
                return value.isoformat()[:7]
            if roll < 0.3:
                event = rng.choice(self.events)
                offset = (value - datetime.date.fromisoformat(self.entities[event]["date"])).days
                return {"relative_to": event, "offset": f"{offset} days"}
            return value.isoformat()
        if kind == "number":
            return {"approx": value} if rng.random() < 0.2 else value
        if kind == "entity":
            return self.name_of(value)
        return value

    def name_of(self, entity: str) -> str:
        roll = self.rng.random()
        if roll < 0.4:
            return entity
        if roll < 0.7:
            return str(self.entities[entity]["name"])
        return str(self.rng.choice(self.entities[entity]["aliases"]))

    def different(self, prop: str, value: Any) -> Any:
        """A value that cannot agree with ``value`` under the property's semantics."""
        kind = PROPERTIES[prop]["type"]
        if kind == "date":
            return value + datetime.timedelta(days=40)
        if kind == "number":
            return value * 3 + 100
        if kind == "boolean":
            return not value
        if kind == "entity":
            others = [p for p in self.people if p != value]
            return self.rng.choice(others)
        return f"completely different place {self.rng.randrange(10**6)}"

    # -- sources ----------------------------------------------------------------------------

    def build(self) -> list[dict[str, Any]]:
        self.world()
        plain = [p for p in PROPERTIES if not PROPERTIES[p].get("time_varying")]
        sources: list[dict[str, Any]] = []
        for s in range(self.n_sources):
            sources.append(
                {
                    "format": "claims/1",
                    "source": {
                        "id": f"source-{s:06d}",
                        "outlet": f"Outlet {s}",
                        "published": "2024-06-15",
                        "kind": "news",
                    },
                    "claims": [],
                    "quotes": [],
                }
            )
        facts: dict[tuple[str, str], Any] = {}
        for s, source in enumerate(sources):
            claims = source["claims"]
            for c in range(self.n_claims - 2):
                subject = self.rng.choice(self.orgs)
                if self.rng.random() < 0.1:
                    prop = "cases_open"
                    year = 2018 + (c % 6)
                    value: Any = facts.setdefault(
                        (subject, f"{prop}@{year}"), 100 + year * 7 + self.rng.randrange(50)
                    )
                    claims.append(
                        {"subject": self.name_of(subject), "property": prop, "value": value,
                         "as_of": f"{year}"}
                    )  # fmt: skip
                    continue
                prop = self.rng.choice(plain)
                key = (subject, prop)
                if key not in facts:
                    facts[key] = self.truth(subject, prop)
                claim: dict[str, Any] = {
                    "subject": self.name_of(subject),
                    "property": prop,
                    "value": self.written(prop, facts[key]),
                }
                if self.rng.random() < 0.2:
                    claim["attributed_to"] = self.name_of(self.rng.choice(self.people))
                claims.append(claim)
            if s < len(self.people):  # one quote per speaker: no two are the same quote
                source["quotes"].append(
                    {"speaker": self.name_of(self.people[s]),
                     "text": f"We stand by report number {s} and its findings on {WORDS[s % 20]},"}
                )  # fmt: skip
        self.plant(sources)
        self.plant_draft(sources, facts)
        return sources

    def plant(self, sources: list[dict[str, Any]]) -> None:
        """Plant, per kind, about one discrepancy per 10k claims, each on a fresh subject."""
        total = self.n_sources * self.n_claims
        per_kind = max(1, total // 10_000)
        fresh = iter(range(10**9))
        for kind in PLANTED_KINDS:
            for _ in range(per_kind):
                a, b = self.rng.sample(range(len(sources)), 2)
                n = next(fresh)
                subject = f"planted-{kind}-{n}"
                self.entities[subject] = {"name": f"Planted subject {kind} {n}"}
                prop = self.rng.choice(["signed_on", "staff", "approved", "budget"])
                value = self.truth(subject, prop)
                other = self.different(prop, value)
                first: dict[str, Any] = {"subject": subject, "property": prop}
                first["value"] = self.plain(prop, value)
                second: dict[str, Any] = {"subject": subject, "property": prop}
                second["value"] = self.plain(prop, other)
                expected: tuple[str, str | None] = (subject, prop)
                speakers = self.rng.sample(self.people, 2)
                if kind == "misattribution":
                    first["attributed_to"] = second["attributed_to"] = speakers[0]
                elif kind == "disputed":
                    first["attributed_to"], second["attributed_to"] = speakers
                elif kind == "contested-assertion":
                    second["attributed_to"] = speakers[0]
                elif kind == "quote-variant":
                    second["value"] = first["value"]
                    text = f"The planted statement number {n} was entirely accurate and fair"
                    sources[a]["quotes"].append({"speaker": subject, "text": text})
                    sources[b]["quotes"].append(
                        {"speaker": subject, "text": text.replace("entirely", "mostly")}
                    )
                    expected = (subject, None)
                elif kind == "name-variant":
                    second["value"] = first["value"]
                    token = "".join(self.rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(9))
                    word = self.rng.choice(WORDS).title()
                    self.entities[subject]["name"] = f"{word} {token.title()} Bureau"
                    first["subject"] = f"{word} {token.title()} Bureau"
                    second["subject"] = f"{token.title()} {word} Bureau"  # words reordered
                    expected = (subject, None)
                sources[a]["claims"].append(first)
                sources[b]["claims"].append(second)
                self.expected.append(
                    {"kind": kind, "subject": expected[0], "property": expected[1]}
                )

    def plant_draft(self, sources: list[dict[str, Any]], facts: dict[tuple[str, str], Any]) -> None:
        """A draft (a claim file of kind draft) to check against the case: it restates known
        facts, and contradicts a few facts that one source states, each a finding of its own."""
        self.draft: dict[str, Any] = {
            "format": "claims/1",
            "source": {"id": "draft", "kind": "draft", "published": "2024-07-01"},
            "claims": [],
        }
        known = sorted((k for k in facts if "@" not in k[1]), key=str)
        for subject, prop in self.rng.sample(known, min(20, len(known))):
            claim = {
                "subject": subject,
                "property": prop,
                "value": self.plain(prop, facts[(subject, prop)]),
            }
            self.draft["claims"].append(claim)
        self.expected_draft: list[dict[str, Any]] = []
        for n in range(5):
            subject = f"draft-contradicted-{n}"
            self.entities[subject] = {"name": f"Drafted subject {n}"}
            prop = self.rng.choice(["signed_on", "staff", "approved", "budget"])
            value = self.truth(subject, prop)
            source = self.rng.choice(sources)
            source["claims"].append(
                {"subject": subject, "property": prop, "value": self.plain(prop, value)}
            )
            self.draft["claims"].append(
                {
                    "subject": subject,
                    "property": prop,
                    "value": self.plain(prop, self.different(prop, value)),
                }
            )
            self.expected_draft.append({"kind": "conflict", "subject": subject, "property": prop})

    def plain(self, prop: str, value: Any) -> Any:
        return value.isoformat() if isinstance(value, datetime.date) else value

    def case(self) -> dict[str, Any]:
        return {
            "format": "case/1",
            "id": "synthetic",
            "title": f"Synthetic case: {self.n_sources} sources x {self.n_claims} claims",
            "entities": self.entities,
            "properties": PROPERTIES,
        }


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML flow scalar


def to_yaml(value: Any, indent: str = "") -> str:
    """A small emitter for this generator's data (dicts of lists of flow mappings); PyYAML's
    emitter would take minutes on a million claims."""
    if isinstance(value, dict) and indent == "":
        lines = []
        for key, item in value.items():
            if isinstance(item, list):
                lines.append(f"{key}:" + ("" if item else " []"))
                lines += [f"  - {to_yaml(x, '  ')}" for x in item]
            elif isinstance(item, dict):
                lines.append(f"{key}:")
                lines += [f"  {k}: {to_yaml(v, '  ')}" for k, v in item.items()]
            else:
                lines.append(f"{key}: {_yaml_scalar(item)}")
        return "\n".join(lines) + "\n"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {to_yaml(v, indent)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_yaml(v, indent) for v in value) + "]"
    return _yaml_scalar(value)


def generate(out: Path, sources: int, claims: int, fmt: str = "json", seed: int = 1) -> Path:
    """Write the case to ``out/case`` and the answer key to ``out/expected.json``."""
    corpus = Corpus(sources, claims, seed)
    documents = corpus.build()
    folder = out / "case"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "case.json").write_text(json.dumps(corpus.case(), indent=1), encoding="utf-8")
    for document in documents:
        name = document["source"]["id"]
        if fmt == "json":
            (folder / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
        else:
            (folder / f"{name}.yaml").write_text(to_yaml(document), encoding="utf-8")
    expected = sorted(corpus.expected, key=lambda e: (e["kind"], e["subject"]))
    (out / "expected.json").write_text(json.dumps(expected, indent=1), encoding="utf-8")
    # The draft sits beside the case, not in it: compare leaves it out, check-draft takes it.
    (out / f"draft.{fmt}").write_text(
        json.dumps(corpus.draft) if fmt == "json" else to_yaml(corpus.draft), encoding="utf-8"
    )
    (out / "expected-draft.json").write_text(
        json.dumps(corpus.expected_draft, indent=1), encoding="utf-8"
    )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--claims", type=int, default=100, help="claims per source")
    parser.add_argument("--format", choices=("json", "yaml"), default="json")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = generate(args.out, args.sources, args.claims, args.format, args.seed)
    print(f"wrote {args.sources} sources x {args.claims} claims to {folder}")


if __name__ == "__main__":
    main()
