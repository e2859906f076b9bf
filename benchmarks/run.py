"""Benchmark checker on generated corpora and print one table.

    python benchmarks/run.py                  # 1k, 10k and 100k claims (a few minutes)
    python benchmarks/run.py --sizes 1k,1m    # any of 1k, 10k, 100k, 1m
    python benchmarks/run.py --format yaml    # the same corpora written as YAML

Each corpus is ``N/100`` files of 100 claims (benchmarks/generate.py, seeded), so 1M claims is
10k files. Every command runs in a fresh process; wall time and the peak memory of that process
are measured. ``compare`` runs cold (empty cache) and warm (nothing changed). Beside them, in the
same run: the floor the machine sets (the bare parse of the same files: ``json.loads``, or the
YAML loader alone) and the peer a user would otherwise reach for (``check-jsonschema`` with the
same schema, when it is installed). The findings of ``compare`` and of ``check-draft`` (a claim-file
draft beside the case) are checked against the generator's answer keys, so speed can never be
bought with wrong results.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
CLAIMS_PER_FILE = 100

PARSE_JSON = """
import json, sys
from pathlib import Path
for path in Path(sys.argv[1]).iterdir():
    json.loads(path.read_bytes())
"""
PARSE_YAML = """
import sys
from pathlib import Path
from checker.claims.loading import load_document
for path in Path(sys.argv[1]).iterdir():
    load_document(path, path.name)
"""


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MB) and exit code of one command in its own process.

    checker forks a worker on a large case, so the memory is that of the whole process tree,
    sampled every 0.1 s: the sum of each process's proportional set size (PSS), which counts a
    page the worker shares with its parent once, not twice. Where /proc gives no PSS, it is the
    largest process's peak resident size (GNU time, or the child's ``ru_maxrss``).
    """
    gnu_time = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        prefix = [str(gnu_time), "-f", "%M", "-o", rss.name] if gnu_time.exists() else []
        start = time.perf_counter()
        process = subprocess.Popen(
            [*prefix, *command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
        )
        peak_pss = 0.0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak_pss = max(peak_pss, tree_pss_kb(process.pid))
            time.sleep(0.1)
        wall = time.perf_counter() - start
        kilobytes = float(rss.read().strip().splitlines()[-1]) if prefix else usage.ru_maxrss
    return wall, (peak_pss or kilobytes) / 1024, os.waitstatus_to_exitcode(status)


def tree_pss_kb(root: int) -> float:
    """The summed PSS (kB) of ``root`` and its descendants now; 0 where /proc cannot tell."""
    total, pending = 0.0, [root]
    while pending:
        pid = pending.pop()
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += float(line.split()[1])
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue  # the process ended between two reads, or this is not Linux
    return total


def answers_ok(command: list[str], expected: Path, env: dict[str, str]) -> bool:
    """Whether ``command``'s JSON findings are exactly the generator's answer key."""
    out = subprocess.run(
        [*command, "-f", "json"],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    found = sorted(
        (f["kind"], f["subject"], f["property"]) for f in json.loads(out.stdout)["findings"]
    )
    wanted = sorted(
        (e["kind"], e["subject"], e["property"]) for e in json.loads(expected.read_text())
    )
    return found == wanted


def exponent(rows: list[dict[str, object]], task: str, size: int, seconds: float) -> str:
    earlier = [r for r in rows if r["task"] == task and int(str(r["claims"])) < size]
    if not earlier:
        return ""
    last = earlier[-1]
    ratio = seconds / float(str(last["seconds"]))
    return f"{math.log(ratio) / math.log(size / int(str(last['claims']))):.2f}"


def run(sizes: list[str], fmt: str, work: Path, peer_up_to: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    schema = ROOT / "schemas" / "claims.schema.json"
    peer = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    for label in sizes:
        size = SIZES[label]
        out = work / f"{label}-{fmt}"
        if not (out / "expected-draft.json").exists():  # in a process of its own: see measure()
            subprocess.run(
                [sys.executable, str(Path(__file__).parent / "generate.py"), str(out),
                 "--sources", str(size // CLAIMS_PER_FILE), "--claims", str(CLAIMS_PER_FILE),
                 "--format", fmt, "--seed", "1"],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        case = out / "case"
        cache = out / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        env = {**os.environ, "CHECKER_CACHE_DIR": str(cache)}
        nocache = {**env, "CHECKER_NO_CACHE": "1"}
        checker = [sys.executable, "-m", "checker"]
        claim_files = sorted(str(p) for p in case.iterdir() if p.name != "case.json")
        tasks: list[tuple[str, list[str], dict[str, str]]] = [
            (f"bare parse ({'json.loads' if fmt == 'json' else 'YAML loader'})",
             [sys.executable, "-c", PARSE_JSON if fmt == "json" else PARSE_YAML, str(case)], env),
            ("checker validate", [*checker, "validate", str(case)], nocache),
            ("checker compare, cold", [*checker, "compare", str(case), "--fail-on", "never"], env),
            ("checker compare, warm", [*checker, "compare", str(case), "--fail-on", "never"], env),
            ("checker check-draft", [*checker, "check-draft", str(out / f"draft.{fmt}"),
                                     "--against", str(case), "--fail-on", "never"], nocache),
        ]  # fmt: skip
        answer_keys = {
            "checker compare, cold": out / "expected.json",
            "checker check-draft": out / "expected-draft.json",
        }
        if Path(peer).exists() and size <= peer_up_to:
            tasks.append(
                ("check-jsonschema (peer)", [peer, "--schemafile", str(schema), *claim_files], env)
            )
        for task, command, task_env in tasks:
            seconds, memory, code = measure(command, task_env)
            ok = ""
            if task in answer_keys:
                ok = "yes" if answers_ok(command, answer_keys[task], env) else "NO"
            rows.append(
                {
                    "task": task,
                    "claims": size,
                    "seconds": round(seconds, 2),
                    "claims/s": f"{size / seconds:,.0f}",
                    "peak MB": round(memory),
                    "exponent": exponent(rows, task, size, seconds),
                    "exit": code,
                    "answers": ok,
                }
            )
            print(f"  {label:>4} {task}: {seconds:.2f} s", file=sys.stderr)
    started = time.perf_counter()
    for _ in range(10):
        subprocess.run([*[sys.executable, "-m", "checker"], "--version"], capture_output=True)
    version = (time.perf_counter() - started) / 10
    started = time.perf_counter()
    for _ in range(10):
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
    bare = (time.perf_counter() - started) / 10
    rows.append(
        {"task": "checker --version over python -c pass", "claims": 0,
         "seconds": round(version - bare, 3)}
    )  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated: 1k,10k,100k,1m")
    parser.add_argument("--format", choices=("json", "yaml"), default="json")
    parser.add_argument("--work", type=Path, help="keep corpora here (default: a temp folder)")
    parser.add_argument(
        "--peer-up-to",
        default="1m",
        choices=list(SIZES),
        help="run check-jsonschema up to this size only (it takes 10 minutes on 1M YAML claims)",
    )
    args = parser.parse_args()
    sizes = [s.strip().lower() for s in args.sizes.split(",")]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown sizes {unknown}; choose from {', '.join(SIZES)}")
    if args.work:
        rows = run(sizes, args.format, args.work, SIZES[args.peer_up_to])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            rows = run(sizes, args.format, Path(tmp), SIZES[args.peer_up_to])
    print(tabulate(rows, headers="keys", tablefmt="github"))


if __name__ == "__main__":
    main()
