"""How long the HTML report of a large case takes: to render in Python, and to load in Chromium.

    python benchmarks/bench_html.py [--sources 200] [--facts 2000] [--seed 1] [--runs 3]

Generates a seeded case in a temporary folder: ``--facts`` facts (subject · property), each
carried by one to four of ``--sources`` sources, of five kinds (a date, a number with a
tolerance, a boolean asserted by speakers, a text, and a number that varies over time); about
one fact in twelve gets a conflicting source and one in twenty-five two disputing speakers. It
then times validating and comparing the case, rendering its HTML report, and loading the page
in headless Chromium (navigation start to the load event, from the page's own Navigation
Timing), and prints a table. The target is a load under 3 seconds.

Needs Debian's chromium and chromium-driver (``apt-get install chromium chromium-driver``) and
selenium (the ``test`` extras); without them it reports the Python timings only.
"""

from __future__ import annotations

import argparse
import datetime
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from tabulate import tabulate

from checker.claims.validation import validate
from checker.compare.engine import build_report
from checker.reporters.html import HtmlReporter

TARGET_SECONDS = 3.0
PROPERTIES: dict[str, dict[str, Any]] = {
    "signed_on": {"type": "date"},
    "staff": {"type": "number", "tolerance": "10%"},
    "in_effect": {"type": "boolean"},
    "headquarters": {"type": "text"},
    "cases_open": {"type": "number", "time_varying": True},
}
SPEAKERS = ("official-a", "official-b", "advocate-a", "advocate-b")
CITIES = ("Pasadena", "Altadena", "Glendale", "Burbank", "Arcadia", "Monrovia", "Sierra Madre")


def _value(prop: str, rng: random.Random) -> Any:
    if prop == "signed_on":
        day = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(5000))
        return day.isoformat()
    if prop in ("staff", "cases_open"):
        return rng.randrange(10, 5000)
    if prop == "in_effect":
        return rng.random() < 0.5
    return f"{rng.randrange(1, 999)} {rng.choice(('Main', 'Oak', 'Lake'))} St, {rng.choice(CITIES)}"


def _other(prop: str, value: Any, rng: random.Random) -> Any:
    """A value that disagrees with ``value``."""
    if prop == "signed_on":
        return (datetime.date.fromisoformat(value) + datetime.timedelta(days=1)).isoformat()
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value * 2 + 10
    return f"{rng.randrange(1000, 1999)} Elm St, Pasadena"


def generate(folder: Path, sources: int, facts: int, seed: int) -> None:
    """Write the case: case.yaml and one claim file per source."""
    rng = random.Random(seed)
    subjects = [f"body-{n:04d}" for n in range(-(-facts // len(PROPERTIES)))]
    entities: dict[str, Any] = {s: {"name": f"Public body {s[5:]}"} for s in subjects}
    entities["officials"] = {"name": "City officials", "group": True}
    entities["advocates"] = {"name": "Advocacy groups", "group": True}
    for speaker in SPEAKERS:
        side = "officials" if speaker.startswith("official") else "advocates"
        entities[speaker] = {"name": f"Speaker {speaker}", "affiliation": side}
    case = {"format": "case/1", "id": "bench", "title": "A large case", "entities": entities,
            "properties": PROPERTIES}  # fmt: skip
    (folder / "case.yaml").write_text(yaml.safe_dump(case, sort_keys=False), encoding="utf-8")
    claims: dict[str, list[dict[str, Any]]] = {f"source-{n:03d}": [] for n in range(sources)}
    ids = list(claims)
    pairs = [(s, p) for s in subjects for p in PROPERTIES][:facts]
    for subject, prop in pairs:
        truth = _value(prop, rng)
        carriers = rng.sample(ids, rng.randint(1, 4))
        for source in carriers:
            claim: dict[str, Any] = {"subject": subject, "property": prop, "value": truth}
            if prop == "cases_open":
                claim["as_of"] = f"20{rng.randint(18, 24)}-0{rng.randint(1, 9)}"
                claim["value"] = truth + rng.randrange(0, 400)
            claims[source].append(claim)
        roll = rng.random()
        if roll < 1 / 12 and prop != "cases_open":
            claims[rng.choice(ids)].append(
                {"subject": subject, "property": prop, "value": _other(prop, truth, rng)}
            )
        elif roll < 1 / 12 + 1 / 25 and prop == "in_effect":
            source = rng.choice(ids)
            for speaker, value in ((SPEAKERS[0], True), (SPEAKERS[2], False)):
                claims[source].append({"subject": subject, "property": prop, "value": value,
                                       "attributed_to": speaker})  # fmt: skip
    for n, (source, items) in enumerate(claims.items()):
        published = datetime.date(2017, 1, 1) + datetime.timedelta(days=n * 9)
        document = {
            "format": "claims/1",
            "source": {"id": source, "outlet": f"Outlet {n % 150}",
                       "published": published.isoformat(), "kind": "news"},
            "claims": items,
        }  # fmt: skip
        path = folder / f"{source}.yaml"
        path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")


def browser_load_seconds(page: Path, runs: int) -> list[float] | str:
    """Navigation start to load event, per run; or why it could not be measured."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        return "chromium or chromedriver is absent"
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        seconds = []
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(page.as_uri())
            milliseconds = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0];"
                "return n.loadEventEnd - n.startTime;"
            )
            seconds.append(float(milliseconds) / 1000)
        return seconds
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--facts", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-html-") as temporary:
        folder = Path(temporary) / "case"
        folder.mkdir()
        generate(folder, args.sources, args.facts, args.seed)
        started = time.perf_counter()
        report = build_report(validate([folder]), with_facts=True)
        compared = time.perf_counter() - started
        renders = []
        for _ in range(args.runs):
            started = time.perf_counter()
            page = HtmlReporter().render(report)
            renders.append(time.perf_counter() - started)
        path = Path(temporary) / "index.html"
        path.write_text(page, encoding="utf-8")
        loads = browser_load_seconds(path, args.runs)

    kinds = report.count_by_kind()
    rows: list[list[Any]] = [
        ["case", f"{len(report.sources)} sources, {len(report.facts)} facts, "
                 f"{sum(len(f.values) for f in report.facts)} claims", ""],
        ["findings", ", ".join(f"{n} {kind}" for kind, n in kinds.items()) or "none", ""],
        ["validate + compare (Python)", f"{compared:.2f} s", ""],
        ["render HTML (Python, median)", f"{statistics.median(renders):.2f} s", ""],
        ["page size", f"{len(page.encode('utf-8')) / 1e6:.2f} MB", ""],
    ]  # fmt: skip
    if isinstance(loads, str):
        rows.append(["browser load (Chromium)", f"not measured: {loads}", ""])
    else:
        median = statistics.median(loads)
        verdict = "ok" if median < TARGET_SECONDS else "over target"
        rows.append(
            ["browser load, navigation to load event (median)", f"{median:.2f} s",
             f"< {TARGET_SECONDS:.0f} s: {verdict}"]
        )  # fmt: skip
        rows.append(["browser load, each run", ", ".join(f"{s:.2f} s" for s in loads), ""])
    print(tabulate(rows, headers=["measure", "value", "target"], tablefmt="github"))


if __name__ == "__main__":
    main()
