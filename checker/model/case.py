"""The typed model of a case: entities, properties, sources, claims and quotes, names resolved."""

from __future__ import annotations

import builtins
import dataclasses
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from checker.model.dates import AsOf, DateSpan, DateValue
from checker.model.numbers import NumberValue, Tolerance

VALUE_TYPES = ("date", "number", "boolean", "text", "entity")
SOURCE_KINDS = ("news", "official", "press-release", "interview", "social", "draft", "other")
#: Kinds of source whose word weighs more when the best-supported value is chosen.
RECORD_KINDS = frozenset({"official"})

DEFAULT_SIMILARITY = 90.0


class Location:
    """Where a claim or quote starts in its file.

    YAML positions come with the parse; a JSON file's are found only when a report asks for
    one, since most claims never appear in a report. :attr:`locator` finds it: the claim-file
    reader that builds locations sets it (:func:`checker.claims.loading.locate_node`), so the
    model needs nothing of the readers.
    """

    __slots__ = ("_column", "_line", "_path", "file")

    #: ``(file, path) -> (line, column)`` of a node of a file loaded earlier.
    locator: ClassVar[Callable[[str, tuple[str | int, ...]], tuple[int, int]]] = staticmethod(
        lambda file, path: (1, 1)
    )

    def __init__(
        self,
        file: str,
        line: int | None = None,
        column: int | None = None,
        path: tuple[str | int, ...] = (),
    ):
        self.file = file
        self._line = line
        self._column = column
        self._path = path

    def _resolve(self) -> tuple[int, int]:
        if self._line is None or self._column is None:
            self._line, self._column = Location.locator(self.file, self._path)
        return self._line, self._column

    @property
    def line(self) -> int:
        return self._resolve()[0]

    @property
    def column(self) -> int:
        return self._resolve()[1]

    def __reduce__(self) -> tuple[type[Location], tuple[Any, ...]]:
        # As it stands, unresolved or not: workers send claims back by the hundred thousand, and
        # the default for a class with __slots__ goes through Python code for every one.
        return Location, (self.file, self._line, self._column, self._path)

    def __repr__(self) -> str:
        return f"Location({self.file!r}, {self._line}, {self._column}, {self._path!r})"


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    group: bool = False
    date: DateSpan | None = None
    note: str | None = None


@dataclass(frozen=True)
class PropertySpec:
    id: str
    type: str
    time_varying: bool = False
    multi: bool = False
    tolerance: Tolerance = field(default_factory=Tolerance)
    unit: str | None = None
    keywords: tuple[str, ...] = ()
    corroborate: bool = False
    similarity: float = DEFAULT_SIMILARITY
    description: str | None = None


@dataclass(frozen=True)
class Case:
    """A case folder's ``case.yaml``; ``id`` is None for claim files compared without one."""

    id: str | None
    title: str | None
    file: str | None
    entities: Mapping[str, Entity]
    properties: Mapping[str, PropertySpec]

    def side_of(self, entity: str | None) -> str | None:
        """The root of ``entity``'s affiliation chain (Kice -> ice -> dhs: dhs)."""
        if entity is None:
            return None
        seen = {entity}
        while True:
            declared = self.entities.get(entity)
            if declared is None or declared.affiliation is None:
                return entity
            entity = declared.affiliation
            if entity in seen:  # a cycle is reported by validation; stop here
                return entity
            seen.add(entity)


@dataclass(frozen=True)
class TextValue:
    text: str
    normalized: str


@dataclass(frozen=True)
class EntityValue:
    entity: str

    @property
    def normalized(self) -> str:
        return self.entity


@dataclass(frozen=True)
class BoolValue:
    value: bool

    @property
    def normalized(self) -> str:
        return "true" if self.value else "false"


Value = DateValue | NumberValue | BoolValue | TextValue | EntityValue


def value_type(value: Value) -> str:
    if isinstance(value, DateValue):
        return "date"
    if isinstance(value, NumberValue):
        return "number"
    if isinstance(value, BoolValue):
        return "boolean"
    if isinstance(value, TextValue):
        return "text"
    return "entity"


@dataclass(frozen=True)
class NameUse:
    """A name as written in a claim file and the entity it resolved to."""

    written: str
    entity: str
    exact: bool
    role: str
    source: str
    location: Location
    ref: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    outlet: str | None = None
    published: DateSpan | None = None
    published_raw: Any = None
    speaks_for: str | None = None
    kind: str = "news"
    text: str | None = None
    #: Where the text file is, as checker reads it (resolved against the claim file's folder).
    text_file: str | None = None
    based_on: tuple[str, ...] = ()
    title: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    note: str | None = None

    @property
    def independence_key(self) -> str:
        """Sources of one outlet count once."""
        return f"outlet:{self.outlet.casefold()}" if self.outlet else f"source:{self.id}"


# Claims and quotes compare by identity: each is one statement at one place in one file.
#
# A claim is never changed once built, but it is not a frozen dataclass: a million of them are
# built in a large run, and a frozen dataclass's __init__ (object.__setattr__ for each field)
# costs six times a plain one. Slots keep each claim to a third of the memory of a __dict__.
@dataclass(eq=False, slots=True)
class Claim:
    source: str
    location: Location
    index: int
    subject: str
    property: str
    raw_value: Any
    value: Value
    id: str | None = None
    attributed_to: str | None = None
    as_of: AsOf | None = None
    said_on: DateSpan | None = None
    evidence: tuple[str, ...] = ()
    hedged: bool = False
    based_on: tuple[str, ...] = ()
    note: str | None = None
    #: The value's canonical spelling, kept on the claim: grouping reads it millions of times.
    normalized: str = ""

    def __post_init__(self) -> None:
        if not self.normalized:
            self.normalized = self.value.normalized

    def __reduce__(self) -> tuple[type[Claim], tuple[Any, ...]]:
        return Claim, _claim_fields(self)  # rebuilt by its own __init__, the fastest way

    @builtins.property
    def ref(self) -> str:
        return self.id or f"claims[{self.index}]"


_claim_fields: Callable[[Claim], tuple[Any, ...]] = operator.attrgetter(
    *(f.name for f in dataclasses.fields(Claim))
)


@dataclass(frozen=True, eq=False)
class Quote:
    source: str
    location: Location
    index: int
    speaker: str
    parts: tuple[str, ...]
    normalized: str
    id: str | None = None
    said_on: DateSpan | None = None
    note: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.parts)

    @property
    def ref(self) -> str:
        return self.id or f"quotes[{self.index}]"


@dataclass(frozen=True)
class CaseModel:
    """Everything comparison needs about one case, already validated and resolved."""

    case: Case
    sources: Mapping[str, Source]
    claims: tuple[Claim, ...]
    quotes: tuple[Quote, ...]
    names: tuple[NameUse, ...]
