"""Hostile input reaches no output raw: every command, in every format, on input files written
to attack the reader of the report.

The hostile case (``hostile``) has two sources. Its case title, an entity's name, a source's
outlet and title, claim values, an evidence excerpt, quotes and the second claim file's name
all carry ``HOSTILE``: a colour escape, a bell, a newline followed by a GitHub workflow
command, a Markdown image and link, an HTML image with a handler, an ``@mention``, a legacy
runner command (``##[warning]``) and typographic, accented text that must come through as it
is. The sources' URLs are ``javascript:`` and ``data:``. An invalid case (``invalid``) adds a
hostile key and value, which only validation sees; a draft with a hostile name and text is
checked against the hostile case; a baseline with a hostile entry is stale.

Each output is held to what its reader needs (see ``assert_inert``), and one value's exact
escaped spelling is checked in the text, table, Markdown and GitHub formats.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from checker.cli.app import main
from checker.reporters.dispatch import COMPARE_FORMATS, VALIDATE_FORMATS
from checker.reporters.html_style import content_security_policy, style_sheet
from checker.runtime.escape import (
    html_href,
    markdown,
    markdown_output,
    markup_output,
    text,
    text_output,
    workflow_data,
)
from tests.conftest import ENTITIES, PROPERTIES, CaseWriter

ESC, BEL, CSI = "\x1b[31m", "\x07", "\x9b0m\x7f"  # CSI: the C1 control, then DEL
FORGED = "\n::error file=forged.py,line=1::pwned"
IMAGE, LINK = "![x](https://evil.example/p.png)", "[click](https://evil.example)"
TAG, MENTION = "<img src=x onerror=alert(1)>", "@octocat"
LEGACY = "##[warning]legacy"
PRINTABLE = "café “quoted”"
HOSTILE = f"{ESC}red{BEL}{CSI}{FORGED} {IMAGE} {LINK} {TAG} {MENTION} {LEGACY} {PRINTABLE}"
JAVASCRIPT, DATA = "javascript:alert(1)", "data:text/html,<script>alert(1)</script>"
#: The second claim file's name: a colour escape, and a newline before a workflow command.
HOSTILE_FILE = f"b{ESC}{FORGED}.yaml"

#: HOSTILE as plain text: each control spelled as Python escapes it, "##[" broken.
TEXT = (
    r"\x1b[31mred\x07\x9b0m\x7f\n::error file=forged.py,line=1::pwned "
    r"![x](https://evil.example/p.png) [click](https://evil.example) "
    r"<img src=x onerror=alert(1)> @octocat ##\x5bwarning]legacy " + PRINTABLE
)
#: HOSTILE as Markdown: on one line, links, images and HTML escaped, the mention broken.
MARKDOWN = (
    r"\x1b\[31mred\x07\x9b0m\x7f ::error file=forged.py,line=1::pwned "
    r"!\[x\](https://evil.example/p.png) \[click\](https://evil.example) "
    r"\<img src=x onerror=alert(1)> @&#8203;octocat ##\[warning\]legacy " + PRINTABLE
)

# Raw, no output carries these (a tab may stand where it is white space).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# GitHub's runner runs a line that starts with "::" after white space, and "##[" anywhere.
_LINE_COMMAND = re.compile(r"^\s*::", re.MULTILINE)
_LOG_COMMAND = re.compile(r"##\w*\[")
_OWN_COMMAND = re.compile(
    r"::(error|warning|notice) (file=[^,:\n]*,line=\d+,col=\d+,)?title=[^,:\n]*::[^\n]*"
)


@pytest.fixture
def hostile(write_case: CaseWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The hostile case, as ``case`` in the current folder (so that outputs name it alike)."""

    def claim(prop: str, value: object, **more: object) -> dict[str, object]:
        return {"subject": "mou", "property": prop, "value": value, **more}

    def quote(words: str) -> dict[str, str]:
        return {"speaker": "Kice", "text": f"We never signed {words} memorandum {HOSTILE}"}

    folder = write_case(
        {
            "a": {
                "source": {
                    "outlet": f"Outlet {HOSTILE}",
                    "title": f"Title {HOSTILE}",
                    "url": JAVASCRIPT,
                    "published": "2017-02-01",
                    "text": "a.txt",
                },
                "claims": [
                    claim("signed_on", "2016-11-15", evidence=f"signed {HOSTILE}"),
                    claim("revealed_how", f"leak {HOSTILE}"),
                    {"subject": "Evil Corp", "property": "agencies", "value": 5},
                ],
                "quotes": [quote("that")],
            },
            "b": {
                "source": {"outlet": "B News", "url": DATA, "published": "2017-02-02"},
                "claims": [
                    claim("signed_on", "2016-11-16"),
                    claim("revealed_how", f"records {HOSTILE}"),
                    # Close to "Evil Corp": a name-variant finding, which quotes the entity.
                    {"subject": "Evil Corpp", "property": "agencies", "value": 50},
                ],
                "quotes": [quote("this")],
            },
        },
        texts={"a.txt": "The memorandum was signed on Nov. 15.\n"},
    )
    (folder / "b.yaml").rename(folder / HOSTILE_FILE)
    case = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    case["title"] = f"Case {HOSTILE}"
    case["entities"] = {**ENTITIES, "evil": {"name": f"Evil {HOSTILE}", "aliases": ["Evil Corp"]}}
    (folder / "case.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("case")


@pytest.fixture
def invalid(hostile: Path, tmp_path: Path) -> Path:
    """Beside the hostile case, a case whose claim files have a hostile key and a hostile
    date: validation problems that quote them."""
    folder = tmp_path / "invalid"
    folder.mkdir()
    case = {"format": "case/1", "id": "invalid", "entities": ENTITIES, "properties": PROPERTIES}
    (folder / "case.yaml").write_text(yaml.safe_dump(case), encoding="utf-8")
    documents = {
        "x.yaml": {"format": "claims/1", "source": {"id": "x", f"key {HOSTILE}": 1}},
        "y.yaml": {
            "format": "claims/1",
            "source": {"id": "y"},
            "claims": [{"subject": "mou", "property": "signed_on", "value": f"2016 {HOSTILE}"}],
        },
    }
    for name, document in documents.items():
        body = yaml.safe_dump(document, allow_unicode=True)
        (folder / name).write_text(body, encoding="utf-8")
    return Path("invalid")


@pytest.fixture
def draft(hostile: Path) -> Path:
    """A draft with a hostile name, heading and quotation, and a fact the sources contradict."""
    path = Path(f"draft{ESC}{FORGED}.md")
    path.write_text(
        f"# Draft {HOSTILE}\n\n"
        f"Virginia Kice said “We never signed that paper {HOSTILE}”.\n\n"
        f"The memorandum was signed on Dec. 15, 2016, {MENTION} said.\n",
        encoding="utf-8",
    )
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") or name.startswith("on"):
                self.targets.append(f"{name}={value}")


def _outside_fences(document: str) -> str:
    return re.sub(r"^(`{3,}).*?^\1$", "", document, flags=re.MULTILINE | re.DOTALL)


def assert_inert(output: str, fmt: str) -> None:
    """What every reader of ``output`` needs, by format."""
    assert not _CONTROL.search(output), (fmt, _CONTROL.findall(output))
    assert not _LOG_COMMAND.search(output), fmt
    if fmt == "github":
        lines = output.splitlines()
        assert lines and all(_OWN_COMMAND.fullmatch(line) for line in lines), output
    else:
        assert not _LINE_COMMAND.search(output), fmt
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(output)
    if fmt == "junit":
        ET.fromstring(output)
    if fmt == "html":
        links = _Links()
        links.feed(output)
        assert {"img", "script", "iframe", "object"}.isdisjoint(links.tags)
        for target in links.targets:
            assert re.fullmatch(r"href=(#[a-z0-9-]+|https?://\S+)", target), target
        assert re.search(r"(?i)(javascript|data):", "".join(links.targets)) is None
    if fmt == "markdown":
        prose = _outside_fences(output)
        assert "![" not in prose and not re.search(r"(?<!\\)[\[\]<]", prose)
        assert not re.search(r"(?<![\w`])@octocat", prose)
        markdown_it = pytest.importorskip("markdown_it")
        rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(output)
        assert "<img" not in rendered and "<a " not in rendered
        assert "@octocat" not in re.sub(r"<code[^>]*>.*?</code>", "", rendered, flags=re.S)


def test_validate_in_every_format(
    hostile: Path, invalid: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in VALIDATE_FORMATS:
        code, out, err = run(capsys, "validate", str(hostile), str(invalid), "--format", fmt)
        assert code == 1, (fmt, err)
        assert_inert(out, fmt)
        assert_inert(err, "text")


def test_compare_in_every_format(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in COMPARE_FORMATS:
        code, out, err = run(capsys, "compare", str(hostile), "--format", fmt, "--fail-on", "never")
        assert code == 0, (fmt, err)
        assert_inert(out, fmt)
        assert_inert(err, "text")
        assert PRINTABLE in out, fmt


def test_check_draft_in_every_format(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in COMPARE_FORMATS:
        args = ["check-draft", str(draft), "--against", "case", "--format", fmt]
        code, out, err = run(capsys, *args, "--fail-on", "never")
        assert code == 0, (fmt, err)
        assert "misquote" in out, fmt
        assert_inert(out, fmt)
        assert_inert(err, "text")


def test_report_files(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", str(hostile), "--out", "out")
    assert code == 0, err
    assert_inert(err, "text")
    for name, fmt in (("index.html", "html"), ("report.md", "markdown"), ("report.json", "json")):
        assert_inert(Path("out", name).read_text(encoding="utf-8"), fmt)


def test_refused_input_and_stale_baseline_notes(
    hostile: Path, invalid: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the CLI says on standard error: the problems that stop a comparison, and the
    baseline entries that match nothing (the baseline is input too)."""
    code, out, err = run(capsys, "compare", str(invalid))
    assert (code, out) == (2, "")
    assert "invalid file" in err
    assert_inert(err, "text")
    baseline = {"format": "baseline/1", "entries": {
        f"f{ESC}{FORGED}": {"command": "compare", "kind": "conflict", "summary": HOSTILE},
    }}  # fmt: skip
    Path("baseline.json").write_text(json.dumps(baseline), encoding="utf-8")
    args = ["compare", str(hostile), "--baseline", "baseline.json", "--fail-on", "never"]
    code, _, err = run(capsys, *args)
    assert code == 0, err
    assert_inert(err, "text")
    assert f"  stale: f{text(ESC + FORGED)} {TEXT}" in err.splitlines()


def test_the_escaped_spelling_of_one_value(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The entity's hostile name, as the name-variant problem and finding quote it."""
    file = f"case/b{text(ESC + FORGED)}.yaml"
    said = "'Evil Corpp' is not a declared name"
    _, out, _ = run(capsys, "validate", "case")
    assert out.splitlines()[2] == (
        f"{file}:16:12: warning: name-variant: {said} of any entity; read as 'evil' "
        f"(Evil {TEXT}) [$.claims[2].subject]"
    )

    _, out, _ = run(capsys, "compare", "case", "--fail-on", "never")
    block = out.split("warning name-variant: evil\n")[1].split("\n\n")[0]
    assert block.splitlines() == [
        r"    'Evil Corpp' is not a declared name of evil (Evil \x1b[31mred\x07\x9b0m\x7f\n::error",
        "      file=forged.py,line=1::pwned ![x](https://evil.example/p.png) "
        "[click](https://evil.example)",
        r"      <img src=x onerror=alert(1)> @octocat ##\x5bwarning]legacy café “quoted”); "
        "check the spelling",
        "      against the source",
    ]

    _, out, _ = run(capsys, "compare", "case", "--format", "markdown", "--fail-on", "never")
    assert f"# Discrepancy report: Case {MARKDOWN}" in out.splitlines()
    assert f"| a | Outlet {MARKDOWN} | 2017-02-01 | news |" in out.splitlines()

    _, out, _ = run(capsys, "validate", "case", "--format", "github")
    assert out.splitlines()[2] == (
        "::warning file=case/b\\x1b[31m%0A%3A%3Aerror file=forged.py%2Cline=1%3A%3Apwned.yaml,"
        "line=16,col=12,title=name-variant at $.claims[2].subject::"
        f"name-variant: {said} of any entity; read as 'evil' "
        "(Evil \\x1b[31mred\\x07\\x9b0m\\x7f%0A::error "
        "file=forged.py,line=1::pwned ![x](https://evil.example/p.png) "
        "[click](https://evil.example) <img src=x onerror=alert(1)> @octocat "
        f"##\\x5bwarning]legacy {PRINTABLE})"
    )


def test_structured_formats_keep_the_text_exactly(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON escapes are JSON's, so a parser reads back the input as it was."""
    _, out, _ = run(capsys, "compare", "case", "--format", "json", "--fail-on", "never")
    document = json.loads(out)
    assert document["sources"][0]["outlet"] == f"Outlet {HOSTILE}"
    assert document["sources"][1]["file"] == f"case/{HOSTILE_FILE}"
    assert "\\u005bwarning]" in out and "\\u001b[31m" in out


def test_html_links_only_web_pages_and_carries_its_policy(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, page, _ = run(capsys, "compare", "case", "--format", "html", "--fail-on", "never")
    # The policy allows exactly the style sheet the page carries: hashed here from the page.
    style = page.split("<style>")[1].split("</style>")[0]
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    assert content_security_policy(style_sheet()) == policy
    head = page.split("<style>")[0]
    assert f'<meta http-equiv="Content-Security-Policy" content="{policy}">' in head
    # The sources: neither URL is a link; each is shown as text.
    assert "<a href" not in page.split('<table class="sources">')[1].split("</table>")[0]
    assert f"<code>{JAVASCRIPT}</code>" in page
    assert '<td>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;<span class="help">' in page
    assert html_href("https://example.com/a?b=1&c=2") == "https://example.com/a?b=1&amp;c=2"
    for url in (JAVASCRIPT, DATA, " javascript:x", "java\tscript:x", "https://a b", "ftp://x"):
        assert html_href(url) is None, url


@pytest.mark.parametrize(
    ("value", "spelled"),
    [
        ("# heading", "\\# heading"),
        ("> quote", "\\> quote"),
        ("1. item", "1\\. item"),
        ("~~~", "\\~~~"),
        ("2016-11-15", "2016-11-15"),
        ("a\\|b", "a\\\\\\|b"),
        ("&#64;octocat", "\\&#64;octocat"),
        ("GH-12 and #34", "GH-&#8203;12 and #&#8203;34"),
    ],
)
def test_markdown_of_a_paragraph(value: str, spelled: str) -> None:
    """A paragraph's text opens no block, and spells no entity or reference."""
    assert markdown(value, starts_line=True) == spelled


def test_workflow_data_keeps_percent_literal() -> None:
    assert workflow_data("100%0A\r\n\x1b") == "100%250A%0D%0A\\x1b"


def test_text_spells_every_unsafe_character_and_keeps_printable_text() -> None:
    unsafe = "\x00\t\r\x1b\x7f\x85\x9b\u2028\u2029\ud800\ufffe"
    assert text(unsafe) == r"\x00\t\r\x1b\x7f\x85\x9b\u2028\u2029\ud800\ufffe"
    assert (
        text("C:\\claims ##vso[task] ##teamcity[x]") == r"C:\claims ##vso\x5btask] ##teamcity\x5bx]"
    )
    assert text(PRINTABLE + " ½ — 東京 \u200b") == PRINTABLE + " ½ — 東京 \u200b"


def test_no_line_of_an_output_starts_a_workflow_command() -> None:
    """The runner trims a line's leading white space before it looks for "::", so an indented
    line counts; "::" within a line does not."""
    output = "::error::a\n    ::warning file=x::b\nvalue ::c\n\t:::d\n"
    assert (
        text_output(output)
        == "\\x3a:error::a\n    \\x3a:warning file=x::b\nvalue ::c\n\t\\x3a::d\n"
    )
    assert markdown_output(":: x ##[y]") == "\\:: x ##\\[y]"
    assert markup_output(" :: x ##vso[y]") == " &#58;: x ##vso&#91;y]"
