"""Check what a case file means and build its entities and properties."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from checker.claims.loading import Document
from checker.model.case import DEFAULT_SIMILARITY, Case, Entity, PropertySpec
from checker.model.dates import parse_date
from checker.model.forms import ValueFormError
from checker.model.names import NameIndex, did_you_mean, suggest
from checker.model.numbers import Tolerance, parse_tolerance


class AddProblem(Protocol):
    def __call__(
        self,
        document: Document,
        path: tuple[str | int, ...],
        message: str,
        *,
        code: str,
        key: bool = False,
    ) -> None: ...


class CaseBuilder:
    """Reads one schema-valid case document; with no document it is the empty (free) case."""

    def __init__(self, add: Callable[..., None]):
        self._add = add
        self._case = Case(None, None, None, {}, {})
        self.names: NameIndex | None = None

    def case(self) -> Case:
        return self._case

    def build(self, document: Document) -> bool:
        """Build the case; return False where it has errors that make its names unreliable."""
        data: dict[str, Any] = document.data
        before = self._errors
        entities = {
            entity_id: self._entity(document, entity_id, raw)
            for entity_id, raw in sorted(data.get("entities", {}).items())
        }
        properties = {
            prop_id: self._property(document, prop_id, raw)
            for prop_id, raw in sorted(data.get("properties", {}).items())
        }
        self._check_affiliations(document, entities)
        self.names = NameIndex({e.id: (e.name, *e.aliases) for e in entities.values()})
        for folded, owners in sorted(self.names.ambiguous.items()):
            owner_list = ", ".join(sorted(owners))
            self._report(
                document,
                ("entities",),
                f"the name '{folded}' is declared by more than one entity ({owner_list})",
                "ambiguous-name",
            )
        self._case = Case(data["id"], data.get("title"), document.file, entities, properties)
        return self._errors == before

    _errors = 0

    def _report(
        self, document: Document, path: tuple[str | int, ...], message: str, code: str
    ) -> None:
        self._errors += 1
        self._add(document, path, message, code=code)

    def _entity(self, document: Document, entity_id: str, raw: dict[str, Any]) -> Entity:
        date = None
        if "date" in raw:
            try:
                date = parse_date(raw["date"]).span
            except ValueFormError as exc:
                path = ("entities", entity_id, "date", *exc.subpath)
                self._report(document, path, exc.message, "value")
        return Entity(
            id=entity_id,
            name=raw["name"],
            aliases=tuple(raw.get("aliases", ())),
            affiliation=raw.get("affiliation"),
            group=bool(raw.get("group", False)),
            date=date,
            note=raw.get("note"),
        )

    def _property(self, document: Document, prop_id: str, raw: dict[str, Any]) -> PropertySpec:
        tolerance = Tolerance()
        if "tolerance" in raw:
            if raw["type"] != "number":
                self._report(
                    document,
                    ("properties", prop_id, "tolerance"),
                    f"tolerance applies to numbers, but '{prop_id}' is a {raw['type']}",
                    "value",
                )
            try:
                tolerance = parse_tolerance(raw["tolerance"])
            except ValueFormError as exc:
                self._report(document, ("properties", prop_id, "tolerance"), exc.message, "value")
        return PropertySpec(
            id=prop_id,
            type=raw["type"],
            time_varying=bool(raw.get("time_varying", False)),
            multi=bool(raw.get("multi", False)),
            tolerance=tolerance,
            unit=raw.get("unit"),
            keywords=tuple(raw.get("keywords", ())),
            corroborate=bool(raw.get("corroborate", False)),
            similarity=float(raw.get("similarity", DEFAULT_SIMILARITY)),
            description=raw.get("description"),
        )

    def _check_affiliations(self, document: Document, entities: dict[str, Entity]) -> None:
        loops = _loops(entities)
        ids: list[str] | None = None  # sorted once, and only for a suggestion
        hints: dict[str, str] = {}
        for entity in entities.values():
            if entity.affiliation is None:
                continue
            if entity.affiliation not in entities:
                if entity.affiliation not in hints:
                    ids = sorted(entities) if ids is None else ids
                    hints[entity.affiliation] = did_you_mean(suggest(entity.affiliation, ids))
                self._report(
                    document,
                    ("entities", entity.id, "affiliation"),
                    f"affiliation '{entity.affiliation}' is not a declared entity id"
                    f"{hints[entity.affiliation]}",
                    "unknown-name",
                )
            elif entity.id in loops:
                self._report(
                    document,
                    ("entities", entity.id, "affiliation"),
                    "affiliation chain loops back: " + _loop_from(*loops[entity.id]),
                    "affiliation-cycle",
                )


#: A loop of affiliations is written out up to this many entities; a longer one is cut short
#: (each of its entities is reported: written out whole, 100,000 of them took gigabytes).
LOOP_SHOWN = 10


def _loops(entities: dict[str, Entity]) -> dict[str, tuple[list[str], int]]:
    """Each entity on a loop of affiliations, with its loop and its place in it: every entity
    is walked once (each has one affiliation at most, so a walk ends at an entity without one,
    at one walked before, or where it started)."""
    loops: dict[str, tuple[list[str], int]] = {}
    done: set[str] = set()
    for start in entities:
        walk: dict[str, int] = {}  # entity id to its place in this walk
        current: str | None = start
        while current is not None and current in entities and current not in done:
            if current in walk:
                loop = list(walk)[walk[current] :]
                loops.update((member, (loop, at)) for at, member in enumerate(loop))
                break
            walk[current] = len(walk)
            current = entities[current].affiliation
        done.update(walk)
    return loops


def _loop_from(loop: list[str], at: int) -> str:
    """The loop from its entity at ``at`` back to it: "a -> b -> a"."""
    shown = [loop[(at + k) % len(loop)] for k in range(min(len(loop), LOOP_SHOWN))]
    if len(loop) <= LOOP_SHOWN:
        return " -> ".join([*shown, loop[at]])
    return " -> ".join(shown) + f" -> ... -> {loop[at]} (a loop of {len(loop):,} entities)"
