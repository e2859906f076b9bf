"""The package layout holds: stages import only earlier stages, only the CLI talks to the user,
and every module stays small enough to read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checker"

#: The stages in the order data passes through them; a stage may import only itself and the
#: stages before it.
STAGES = ("runtime", "model", "claims", "compare", "prose", "gate", "reporters", "cli")
#: Top-level modules: the version (any stage may read it) and ``python -m checker``.
TOP_LEVEL = {"__init__": -1, "__main__": len(STAGES)}
MAX_LINES = 300


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> int:
    """The rank of a ``checker...`` module: its stage, or a top-level module's own rank."""
    parts = module.split(".")
    if len(parts) == 1:
        return TOP_LEVEL["__init__"]
    if parts[1] in STAGES:
        return STAGES.index(parts[1])
    return TOP_LEVEL[parts[1]]


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, with its line."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> list[tuple[int, str]]:
    """Every module a module of ``package`` imports, wherever the import stands (functions and
    ``TYPE_CHECKING`` blocks included), relative imports made absolute."""
    tree = ast.parse(source)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            # ``from checker.cli import app`` names a module; count it as that module.
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def is_module(name: str) -> bool:
    parts = name.split(".")
    path = PACKAGE.parent.joinpath(*parts)
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def test_every_module_belongs_to_a_stage() -> None:
    for path in modules():
        name = module_name(path)
        parts = name.split(".")
        assert len(parts) == 1 or parts[1] in STAGES or parts[1] in TOP_LEVEL, name


def test_no_stage_imports_a_later_one() -> None:
    upward = []
    for path in modules():
        own = stage_of(module_name(path))
        for line, name in imports(path):
            if name.startswith("checker.") and is_module(name) and stage_of(name) > own:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: imports {name}")
    assert upward == []


@pytest.mark.parametrize("library", ["typer", "click", "tabulate"])
def test_only_the_cli_and_the_reporters_import_user_interface_libraries(library: str) -> None:
    allowed = {"typer": ("cli",), "click": ("cli",), "tabulate": ("reporters",)}[library]
    outside = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in modules()
        for line, name in imports(path)
        if name.split(".")[0] == library and module_name(path).split(".")[1:2] != [allowed[0]]
    ]
    assert outside == []


def test_only_the_cli_prints_or_exits() -> None:
    """Outside ``checker.cli``: no print(), no sys.stdout or sys.stderr, no sys.exit."""
    found = []
    for path in modules():
        if module_name(path).startswith(("checker.cli", "checker.__main__")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                found.append(f"{path.name}:{node.lineno}: print")
            if (
                isinstance(node, ast.Attribute)
                and getattr(node.value, "id", None) == "sys"
                and node.attr in {"stdout", "stderr", "exit"}
            ):
                found.append(f"{path.name}:{node.lineno}: sys.{node.attr}")
    assert found == []


def test_modules_stay_small_and_packages_say_what_they_do() -> None:
    long = [
        f"{path.relative_to(PACKAGE.parent)}: {count} lines"
        for path in modules()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert long == []
    for stage in STAGES:
        docstring = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert docstring is not None and len(docstring.split()) >= 20, stage


def test_an_upward_import_is_caught_wherever_it_stands() -> None:
    """The rule itself: imports in functions, in TYPE_CHECKING blocks and relative ones count."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from checker.compare.report import Report\n"
        "def f():\n"
        "    from ..prose import drafts\n"
        "    import checker.cli.app\n"
    )
    found = imports_in(source, "checker.claims")
    later = [
        (line, name)
        for line, name in found
        if name.startswith("checker.")
        and is_module(name)
        and stage_of(name) > stage_of("checker.claims")
    ]
    assert later == [
        (3, "checker.compare.report"),
        (5, "checker.prose"),
        (5, "checker.prose.drafts"),
        (6, "checker.cli.app"),
    ]
    assert is_module("checker.cli.app") and not is_module("checker.cli.app.main")
