"""Tests of the HTML report (checker.reporters.html and its html_* modules) and `checker report`.

The small case below holds, on purpose: a conflict on mou · signed_on (a and b say 2016-11-15,
b also as "7 days after" the election; c says 2016-11-16), a dispute on mou · in_effect (Kice
says true, Mermell false), a quote-variant of Kice (one word changed), a series of
agreements over time (135, 517, 896) and an open-ended date (parties met "from 2016-10").

The browser test renders the shipped report (reports/pasadena-ice-mou/index.html) in Debian's
headless Chromium through its chromedriver, at desktop and phone widths, writes the screenshots
beside it, and asserts from the live page: what is visible, and what the accessibility tree
says. It is skipped, saying why, only where Chromium or its driver is absent.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import html5lib
import pytest

from checker.claims.problems import Severity
from checker.cli.app import main
from checker.compare.report import (
    ClaimRef,
    Fact,
    FactValue,
    Finding,
    Report,
    SourceInfo,
    fingerprint,
)
from checker.reporters import HtmlReporter, get_reporter
from checker.reporters.html_cards import diff_html
from checker.reporters.html_matrix import MAX_COLUMNS
from checker.reporters.html_status import fact_statuses
from checker.reporters.html_style import CONTRAST_PAIRS, palette
from checker.reporters.html_svg import WIDE, TimeScale, ordinal, ticks
from checker.reporters.html_timeline import MAX_LANES
from checker.runtime.errors import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from tests.conftest import CaseWriter, report_of

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "reports" / "pasadena-ice-mou"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def claim(subject: str, prop: str, value: Any, **extra: Any) -> dict[str, Any]:
    return {"subject": subject, "property": prop, "value": value, **extra}


@pytest.fixture
def small_report(write_case: CaseWriter) -> Report:
    election = {"relative_to": "election", "offset": "7 days"}
    folder = write_case(
        {
            "a": {
                "source": {"outlet": "A Weekly", "published": "2017-02", "url": "https://a.test/"},
                "claims": [
                    claim("mou", "signed_on", "2016-11-15", evidence="signed on Nov. 15"),
                    claim("mou", "in_effect", True, as_of="2017-02", attributed_to="Kice"),
                    claim("ice", "agreements", 135, as_of="2024-12"),
                    claim("ice", "agreements", 517, as_of={"from": "2025-01", "to": "2025-04"}),
                ],
                "quotes": [{"speaker": "Kice", "text": "These agreements are pretty routine"}],
            },
            "b": {
                "source": {"outlet": "B News", "kind": "official"},
                "claims": [
                    claim("mou", "signed_on", "2016-11-15"),
                    claim("mou", "signed_on", election, evidence="a week after the election"),
                    claim("ice", "agreements", 896, as_of="2025-08-18"),
                    claim("mou", "signed_by", "Phillip Sanchez"),
                ],
                "quotes": [{"speaker": "Kice", "text": "These agreements are quite routine"}],
            },
            "c": {
                "claims": [
                    claim("mou", "signed_on", "2016-11-16"),
                    claim("mou", "in_effect", False, as_of="always", attributed_to="Mermell"),
                    claim("mou", "signed_by", "Phillip Sanchez"),
                    claim("mou", "revealed_how", "a records request"),
                    claim("city", "signed_on", {"from": "2016-10"}),
                ]
            },
        }
    )
    return report_of(folder)


def strict_parse(page: str) -> Any:
    """The page's tree, parsed by html5lib's strict parser: any parse error raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def test_small_case_findings_are_what_the_fixture_says(small_report: Report) -> None:
    # The page tests below rely on these findings.
    assert [(f.kind, f.subject, f.property) for f in small_report.findings] == [
        ("conflict", "mou", "signed_on"),
        ("disputed", "mou", "in_effect"),
        ("quote-variant", "kice", None),
    ]


def test_page_is_valid_html(small_report: Report) -> None:
    tree = strict_parse(HtmlReporter().render(small_report))
    assert tree.get("lang") == "en"
    assert [e.tag for e in tree.iter() if e.tag in ("header", "nav", "main", "footer")] == [
        "header", "nav", "main", "footer",
    ]  # fmt: skip


def test_shipped_page_is_valid_html() -> None:
    strict_parse((SHIPPED / "index.html").read_text(encoding="utf-8"))


def test_empty_report_page_is_valid_html() -> None:
    empty = Report(None, None, (), (), (), (), ())
    tree = strict_parse(get_reporter("html").render(empty))
    assert tree.find(".//h1").text == "Discrepancy report"


def test_page_is_self_contained(small_report: Report) -> None:
    page = HtmlReporter().render(small_report)
    tree = strict_parse(page)
    # Nothing that loads: no scripts, style sheets, images, frames or fonts from elsewhere.
    loading = {"script", "link", "img", "iframe", "object", "embed", "video", "audio", "source"}
    assert not [e.tag for e in tree.iter() if e.tag in loading]
    assert "url(" not in page and "@import" not in page
    # Links within the page lead somewhere; the one link out is the source's url.
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    hrefs = [e.get("href") for e in tree.iter() if e.get("href")]
    assert [h for h in hrefs if not h.startswith("#")] == ["https://a.test/"]
    assert {h[1:] for h in hrefs if h.startswith("#")} <= set(ids)
    labelled = {i for e in tree.iter() for i in (e.get("aria-labelledby") or "").split()}
    assert labelled <= set(ids)


def test_page_has_a_skip_link_landmarks_and_scoped_headers(small_report: Report) -> None:
    tree = strict_parse(HtmlReporter().render(small_report))
    body = tree.find("body")
    first = next(e for e in body if e.tag == "a")
    assert (first.get("href"), first.text) == ("#main", "Skip to the report")
    assert tree.find(".//main").get("id") == "main"
    headers = [e for e in tree.iter() if e.tag == "th"]
    assert headers and all(e.get("scope") in ("col", "row") for e in headers)
    headings = [int(e.tag[1]) for e in tree.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(headings))


def test_palette_meets_aa_contrast() -> None:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    colours = palette()
    for text, background in CONTRAST_PAIRS:
        light, dark = sorted((luminance(colours[text]), luminance(colours[background])))[::-1]
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (text, background)


def test_states_of_the_conflict_and_the_dispute(small_report: Report) -> None:
    statuses = {s.topic: s for s in fact_statuses(small_report)}
    signed = statuses["mou · signed_on"]
    assert {(v.source, v.normalized, signed.state(v)) for v in signed.fact.values} == {
        ("a", "2016-11-15", "best"),
        ("b", "2016-11-15", "best"),
        ("c", "2016-11-16", "conflict"),
    }
    effect = statuses["mou · in_effect"]
    assert {effect.state(v) for v in effect.fact.values} == {"disputed"}
    assert statuses["mou · signed_by"].worst(statuses["mou · signed_by"].fact.values) == "agree"
    revealed = statuses["mou · revealed_how"]
    assert revealed.worst(revealed.fact.values) == "single"


def test_timeline_draws_the_relative_date_the_series_and_the_open_range(
    small_report: Report,
) -> None:
    page = HtmlReporter().render(small_report)
    # Each lane is drawn twice (wide and narrow); the style sheet shows one.
    assert page.count('class="chart wide"') == page.count('class="chart narrow"') == 4
    assert "2016-11-15 — best supported" in page and "2016-11-16 — conflict" in page
    assert "7 days after election (2016-11-08) = 2016-11-15" in page
    assert "election 2016-11-08" in page  # the event the relative date counts from
    assert page.count('<polyline class="series"') == 2  # agreements: wide and narrow
    assert "mou · in_effect" in page and '<use href="#i-disputed"' in page


@pytest.mark.parametrize(
    "days",
    [["0001-01-01"], ["9999-12-31"], ["0001-01-01", "9999-12-31"], ["2016-11-15"]],
)
def test_time_axis_stays_within_the_calendar(days: list[str]) -> None:
    scale = TimeScale.around([ordinal(d) for d in days], 20, 900, True, True)
    marks = ticks(scale, WIDE.max_ticks)
    assert 1 <= len(marks) <= WIDE.max_ticks + 1
    assert all(scale.start <= day < scale.end for day, _ in marks)


def test_quote_diff_marks_insertions_and_deletions(small_report: Report) -> None:
    assert diff_html("a -> b: pretty [-routine,-] {+usual,+} he said") == (
        '<div class="diff"><p><span class="mono">a → b</span>: pretty <del>routine,</del>'
        " <ins>usual,</ins> he said</p></div>"
    )
    assert diff_html("  same words\n- gone\n+ new <b>") == (
        '<div class="diff"><p>same words</p><p><del>gone</del></p><p><ins>new &lt;b&gt;</ins>'
        "</p></div>"
    )
    page = HtmlReporter().render(small_report)
    assert "<del>pretty</del> <ins>quite</ins>" in page


def large_report(sources: int, facts: int) -> Report:
    """A report of ``sources`` sources and ``facts`` dated facts, every tenth one in conflict."""
    ids = [f"source-{n:03d}" for n in range(sources)]
    all_facts, findings = [], []
    for n in range(facts):
        day = f"20{10 + n % 10}-0{1 + n % 9}-1{n % 10}"
        values = tuple(
            FactValue(ids[(n + k) % sources], day, f"{ids[(n + k) % sources]}.yaml", 10 + n,
                      days=(day, day))
            for k in range(3)
        )  # fmt: skip
        if n % 10 == 0:
            other = f"20{10 + n % 10}-0{1 + n % 9}-2{n % 10}"
            values += (FactValue(ids[(n + 3) % sources], other, "x.yaml", 1, days=(other, other)),)
            refs = tuple(
                ClaimRef("claim", v.source, v.file, v.line, None, v.normalized, v.normalized,
                         role="own-voice")
                for v in values
            )  # fmt: skip
            findings.append(
                Finding("conflict", Severity.ERROR, f"s{n:04d}", "signed_on", "m",
                        fingerprint("conflict", f"s{n:04d}", "signed_on", [day, other]), refs)
            )  # fmt: skip
        all_facts.append(Fact(f"s{n:04d}", "signed_on", "date", values))
    return Report(
        "big",
        "A large case",
        tuple(SourceInfo(i, None, None, "news", f"{i}.yaml") for i in ids),
        tuple(findings),
        (),
        (),
        (),
        facts=tuple(all_facts),
    )


def test_a_large_case_folds_instead_of_overflowing() -> None:
    page = HtmlReporter().render(large_report(200, 600))
    strict_parse(page)
    matrix = page[page.index('<section id="matrix"') : page.index('<section id="findings"')]
    first_table = matrix[matrix.index("<table") : matrix.index("</table>")]
    assert first_table.count('<th scope="col">') == 1 + MAX_COLUMNS
    assert f"{MAX_COLUMNS} of 200 sources are shown as columns" in matrix
    assert "<details><summary>Facts that several sources carry" in matrix
    timeline = page[page.index('<section id="timeline"') : page.index('<section id="matrix"')]
    assert timeline.count('<section class="lane"') == min(600, MAX_LANES)
    assert "more dated facts are not drawn" in timeline
    assert timeline.count("<details><summary>More dated facts") >= 1


# --- the report command -------------------------------------------------------------------


def test_report_writes_three_files_and_findings_do_not_fail_it(
    small_report: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "case"  # written by the small_report fixture
    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == EXIT_CLEAN
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "report.json", "report.md"]
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["format"] == "report/1"
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Discrepancy report")
    strict_parse((out / "index.html").read_text(encoding="utf-8"))
    assert main(["report", str(folder), "--out", str(out), "--fail-on", "error"]) == EXIT_FINDINGS
    assert main(["report", str(folder), "--out", str(out), "--fail-on", "never"]) == EXIT_CLEAN
    capsys.readouterr()


def test_report_of_invalid_input_exits_2_and_writes_nothing(
    write_case: CaseWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_case({"a": {"claims": [claim("mou", "signed_on", "2016-13-45")]}})
    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == EXIT_USAGE
    assert not out.exists()
    assert "nothing was written" in capsys.readouterr().err


def test_report_needs_an_out_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "claims/pasadena-ice-mou"]) == EXIT_USAGE
    assert "--out" in capsys.readouterr().err


# --- in a browser ---------------------------------------------------------------------------

DESKTOP, PHONE = (1280, 900), (390, 844)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium with its network log, or a skip that says what is missing."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).exists()]
    if missing and not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip(f"Chromium is absent ({', '.join(missing)}): apt-get install chromium "
                    "chromium-driver (.ci/run does)")  # fmt: skip
    webdriver = pytest.importorskip("selenium.webdriver")
    service = pytest.importorskip("selenium.webdriver.chrome.service")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--disable-dev-shm-usage", "--force-color-profile=srgb"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    # An explicit driver path: selenium then looks nothing up and downloads nothing.
    driver_path = shutil.which("chromedriver") or CHROMEDRIVER
    driver = webdriver.Chrome(options=options, service=service.Service(driver_path))
    try:
        yield driver
    finally:
        driver.quit()


def open_page(driver: Any, size: tuple[int, int], mobile: bool) -> list[str]:
    """Load the shipped page at a screen size; returns the URLs the page requested."""
    width, height = size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get((SHIPPED / "index.html").as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    requested = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    return requested


def screenshot(driver: Any, path: Path) -> None:
    """The whole page, not only the screen's height."""
    width, height = driver.execute_script(
        "return [document.documentElement.clientWidth, document.documentElement.scrollHeight]"
    )
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))


VISIBLE_LANE_TEXT = """
const heading = [...document.querySelectorAll('#timeline .lane h3')]
  .find(h => h.textContent.startsWith(arguments[0]));
const lane = heading.closest('.lane');
const charts = [...lane.querySelectorAll('svg.chart')]
  .filter(s => s.getBoundingClientRect().width > 0);
return {
  charts: charts.map(s => s.getAttribute('class')),
  texts: charts.flatMap(s => [...s.querySelectorAll('text')].map(t => t.textContent)),
  conflict: charts.flatMap(s => [...s.querySelectorAll('g.m-conflict')]
    .filter(g => g.getBoundingClientRect().width > 0)
    .map(g => [g.querySelector('title').textContent, g.querySelector('use').getAttribute('href')])),
};
"""


@pytest.mark.parametrize(
    ("name", "size", "mobile", "chart"),
    [("desktop", DESKTOP, False, "wide"), ("phone", PHONE, True, "narrow")],
)
def test_shipped_page_in_a_browser(
    browser: Any, name: str, size: tuple[int, int], mobile: bool, chart: str
) -> None:
    from selenium.webdriver.common.by import By

    requested = open_page(browser, size, mobile)
    assert requested == [(SHIPPED / "index.html").as_uri()], "the page made a network request"
    assert browser.execute_script("return window.innerWidth") == size[0]
    # Nothing is wider than the screen: wide tables scroll inside their own box.
    assert browser.execute_script("return document.documentElement.scrollWidth") == size[0]
    screenshot(browser, SHIPPED / f"screenshot-{name}.png")

    # The timeline shows the two signing dates, the conflict marker, the best-supported value.
    lane = browser.execute_script(VISIBLE_LANE_TEXT, "ppd-ice-mou · signed_on")
    assert lane["charts"] == [f"chart {chart}"]
    assert "2016-11-15 — best supported" in lane["texts"]
    assert "2016-11-16 — conflict" in lane["texts"]
    assert "us-election-2016 2016-11-08" in lane["texts"]
    [(tooltip, shape)] = lane["conflict"]
    assert tooltip.startswith("altadena-now-2025-08-21: 2016-11-16 (conflict)")
    assert shape == "#i-conflict"
    caption = browser.find_element(By.XPATH, "//section[@class='lane'][.//h3[starts-with("
                                   "., 'ppd-ice-mou · signed_on')]]//p[@class='cap']")  # fmt: skip
    assert "7 days after us-election-2016 (2016-11-08) = 2016-11-15" in caption.text

    # The matrix row of the in-effect dispute, as the accessibility tree has it.
    row = browser.find_element(
        By.XPATH,
        "//table[contains(@class, 'matrix')]//tr[th[@scope='row']"
        "[starts-with(normalize-space(.), 'ppd-ice-mou · in_effect')]]",
    )
    header = row.find_element(By.TAG_NAME, "th")
    assert header.aria_role == "rowheader"
    assert header.accessible_name == "ppd-ice-mou · in_effect disputed"
    cells = [(c.aria_role, c.accessible_name) for c in row.find_elements(By.TAG_NAME, "td")]
    assert [name for _, name in cells] == [
        "disputed false per city-officials; always disputed false per steve-mermell; always "
        "disputed true per dhs-officials",
        "absent",
        "absent",
        "disputed true per virginia-kice; as of 2017-02-16 disputed true per ice-officials; "
        "as of 2017-02-16",
        "absent",
    ]
    assert {role for role, _ in cells} == {"cell"}

    # Landmarks, and the skip link is the first thing the keyboard reaches.
    roles = [browser.find_element(By.TAG_NAME, tag).aria_role for tag in ("header", "nav",
             "main", "footer")]  # fmt: skip
    assert roles == ["banner", "navigation", "main", "contentinfo"]
    browser.find_element(By.TAG_NAME, "body").send_keys("\t")
    focused = browser.switch_to.active_element
    assert (focused.text, focused.is_displayed()) == ("Skip to the report", True)
