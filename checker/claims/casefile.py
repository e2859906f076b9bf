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
        for entity in entities.values():
            if entity.affiliation is None:
                continue
            if entity.affiliation not in entities:
                hint = did_you_mean(suggest(entity.affiliation, sorted(entities)))
                self._report(
                    document,
                    ("entities", entity.id, "affiliation"),
                    f"affiliation '{entity.affiliation}' is not a declared entity id{hint}",
                    "unknown-name",
                )
                continue
            chain, current = [entity.id], entities[entity.affiliation]
            while current.affiliation is not None and current.affiliation in entities:
                chain.append(current.id)
                if current.id == entity.id:
                    self._report(
                        document,
                        ("entities", entity.id, "affiliation"),
                        "affiliation chain loops back: " + " -> ".join(chain),
                        "affiliation-cycle",
                    )
                    break
                if len(chain) > len(entities):
                    break
                current = entities[current.affiliation]
