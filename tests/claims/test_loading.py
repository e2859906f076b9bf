"""The loader gives YAML the contract's meaning and keeps every node's position."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.claims.loading import LoadFailure, load_document


def load(tmp_path: Path, content: bytes | str, name: str = "f.yaml", **kwargs: int) -> object:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return load_document(path, name, **kwargs).data


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("False", False),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("2016-11-15", "2016-11-15"),
        ("2016-11-15T10:00:00Z", "2016-11-15T10:00:00Z"),
        ("12", 12),
        ("-3", -3),
        ("0o17", 15),
        ("0x1F", 31),
        ("017", 17),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("~", None),
        ("null", None),
        ("'true'", "true"),
        ('"12"', "12"),
        ("!!str 12", "12"),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
        ("12:30", "12:30"),
    ],
)
def test_yaml_1_2_core_schema_scalars(tmp_path: Path, text: str, value: object) -> None:
    assert load(tmp_path, f"key: {text}\n") == {"key": value}


def test_keys_are_strings(tmp_path: Path) -> None:
    assert load(tmp_path, "1: a\ntrue: b\n2016-11-15: c\n") == {
        "1": "a",
        "true": "b",
        "2016-11-15": "c",
    }


def test_byte_order_mark_is_fine(tmp_path: Path) -> None:
    assert load(tmp_path, b"\xef\xbb\xbfa: 1\n") == {"a": 1}
    assert load(tmp_path, b'\xef\xbb\xbf{"a": 1}', name="f.json") == {"a": 1}


def test_positions_of_yaml_nodes_and_keys(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("source:\n  id: x\nclaims:\n  - subject: a\n    value: {approx: 5}\n")
    document = load_document(path, "f.yaml")
    assert document.locate(("claims", 0, "value", "approx")) == (5, 21)
    assert document.locate(("claims", 0, "value")) == (5, 12)
    assert document.locate(("claims", 0, "value"), key=True) == (5, 5)
    assert document.locate(("claims", 0, "missing")) == (4, 5)  # nearest ancestor


def test_positions_of_json_nodes(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_text('{"source": {"id": "x"},\n "claims": [\n  {"value": [1, {"a": 2}]}]}')
    document = load_document(path, "f.json")
    assert document.locate(("claims", 0, "value", 1, "a")) == (3, 23)
    assert document.locate(("claims", 0), key=False) == (3, 3)
    assert document.locate(("claims",), key=True) == (2, 2)


@pytest.mark.parametrize(
    ("name", "content", "where", "message"),
    [
        ("f.yaml", "a: 1\na: 2\n", (2, 1), "duplicate key 'a' (first defined at line 1)"),
        ("f.json", '{"a": 1,\n "a": 2}', (2, 2), "duplicate key 'a' (first defined at line 1)"),
        ("f.yaml", "a: &x 1\nb: *x\n", (1, 4), "anchors and aliases are not allowed (anchor '&x')"),
        ("f.yaml", "a: !!python/object x\n", (1, 4),
         "YAML tags are not allowed (tag 'tag:yaml.org,2002:python/object')"),
        ("f.yaml", "a: 1\n---\nb: 2\n", (2, 1),
         "file holds more than one YAML document (one per file)"),
        ("f.json", '{"a": Infinity}', (1, 7), "invalid JSON: Infinity is not valid JSON"),
        ("f.yaml", "   \n\n", (1, 1), "file is empty"),
        ("f.yaml", "a:\tb: [\n", (1, 3), None),
    ],
)  # fmt: skip
def test_refusals_are_located(
    tmp_path: Path, name: str, content: str, where: tuple[int, int], message: str | None
) -> None:
    with pytest.raises(LoadFailure) as caught:
        load(tmp_path, content, name=name)
    assert (caught.value.line, caught.value.column) >= (1, 1)
    if message is not None:
        assert (caught.value.line, caught.value.column) == where
        assert caught.value.message == message


def test_size_cap(tmp_path: Path) -> None:
    with pytest.raises(LoadFailure) as caught:
        load(tmp_path, "a: " + "x" * 100 + "\n", max_bytes=50)
    assert caught.value.code == "too-large"
    assert load(tmp_path, "a: 1\n", max_bytes=50) == {"a": 1}


def test_invalid_utf8_is_located_by_character(tmp_path: Path) -> None:
    with pytest.raises(LoadFailure) as caught:
        load(tmp_path, "a: ü\nb: caf".encode() + b"\xe9\n")
    assert (caught.value.line, caught.value.column, caught.value.code) == (2, 7, "encoding")


@pytest.mark.parametrize("indent", [None, 2, "\t"])
def test_walking_down_a_path_finds_what_the_full_scan_finds(
    indent: int | str | None, tmp_path: Path
) -> None:
    """Report positions come from a walk down one path. Every node of the Pasadena claim files
    and of a generated case, laid out three ways (one line, indented, tabs; after a BOM), is
    where the full scan (the one that reports duplicate keys) says it is."""
    import json

    from benchmarks.generate import generate
    from checker.claims.jsonreader import JsonPositions, locate_json

    root = Path(__file__).resolve().parents[2]
    generated = generate(tmp_path, sources=4, claims=30, fmt="json", seed=3)
    files = [*sorted((root / "claims" / "pasadena-ice-mou").glob("*.yaml")),
             *sorted(generated.glob("*.json"))]  # fmt: skip
    checked = 0
    for file in files:
        data = load_document(file, file.name).data
        text = "\ufeff \n" + json.dumps(data, indent=indent, ensure_ascii=False) + "\n"
        scan = JsonPositions(text)
        scan.run()
        for path, position in scan.positions.items():
            assert locate_json(text, path) == position, (file.name, path)
            checked += 1
        assert locate_json(text, ("no such key",)) == scan.positions[()]
        if ("claims",) in scan.positions:  # past the last claim: the list itself
            assert locate_json(text, ("claims", 10**6)) == scan.positions[("claims",)]
    assert checked > 3000
