"""Runs killed with SIGKILL at any moment: a report folder holds all old or all new files, a
baseline is the old file or the new one, and no forked worker outlives its parent."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORT_FILES = ("index.html", "report.md", "report.json")

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="SIGKILL and /proc are Linux's")


def checker(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "checker", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )


def contents(folder: Path) -> tuple[bytes, ...]:
    return tuple((folder / name).read_bytes() for name in REPORT_FILES)


def kill_after(process: subprocess.Popen[bytes], seconds: float) -> None:
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_a_killed_report_leaves_all_old_or_all_new_files(tmp_path: Path) -> None:
    old_case = tmp_path / "old"
    shutil.copytree(ROOT / "claims" / "pasadena-ice-mou", old_case)
    new_case = tmp_path / "new"
    shutil.copytree(old_case, new_case)
    claim = next(p for p in sorted(new_case.glob("*.yaml")) if p.name != "case.yaml")
    claim.write_text(claim.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    (new_case / "case.yaml").write_text(
        (new_case / "case.yaml").read_text(encoding="utf-8").replace("title:", "title: New", 1),
        encoding="utf-8",
    )
    sets = {}
    for name, case in (("old", old_case), ("new", new_case)):
        out = tmp_path / f"{name}-report"
        assert checker("report", str(case), "--out", str(out)).wait() == 0
        sets[name] = contents(out)
    assert sets["old"] != sets["new"]
    target = tmp_path / "report"
    started = time.monotonic()
    assert checker("report", str(new_case), "--out", str(target)).wait() == 0
    full_run = time.monotonic() - started
    rng = random.Random(7)
    seen = set()
    env = {**os.environ, "CHECKER_NO_CACHE": "1"}
    for _ in range(12):
        shutil.rmtree(target)
        shutil.copytree(tmp_path / "old-report", target)
        kill_after(checker("report", str(new_case), "--out", str(target), env=env),
                   rng.uniform(0.6, 1.05) * full_run)  # fmt: skip
        now = contents(target)
        assert now in (sets["old"], sets["new"])
        seen.add("old" if now == sets["old"] else "new")
    assert checker("report", str(new_case), "--out", str(target)).wait() == 0
    assert contents(target) == sets["new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "new", "new-report", "old", "old-report", "report",
    ]  # fmt: skip  # what killed runs left beside the folder was swept by the next


#: Runs ``checker baseline update`` on a case large enough for a forked worker, kills it at
#: random moments, and prints how many processes outlived it (this script is their subreaper,
#: so orphans become its children and can be counted).
DRIVER = r"""
import ctypes, json, os, random, signal, subprocess, sys, time
from subprocess import DEVNULL
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
case, baseline, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])


def children(parent):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    state, ppid = stat.read().rsplit(")", 1)[1].split()[:2]
            except OSError:
                continue
            if int(ppid) == parent:
                found.append((int(entry), state))
    return found


env = {**os.environ, "CHECKER_JOBS": "2", "CHECKER_NO_CACHE": "1"}
command = [sys.executable, "-m", "checker", "baseline", "update", case, "--file", baseline]
create = [*command[:4], "create", *command[5:]]
subprocess.run(create, env=env, check=True, capture_output=True)
subprocess.run(command, env=env, check=True, capture_output=True)
rng = random.Random(3)
left, valid, forked = [], 0, 0
for _ in range(runs):
    process = subprocess.Popen(command, env=env, stdout=DEVNULL, stderr=DEVNULL)
    # Kill it while its worker runs: wait for the fork, then a moment more at random.
    while process.poll() is None and not children(process.pid):
        time.sleep(0.002)
    forked += bool(children(process.pid))
    time.sleep(rng.uniform(0, 0.1))
    process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(0.5)
    orphans = []
    for pid, state in children(os.getpid()):
        if state == "Z":  # it ended: reap it
            os.waitpid(pid, 0)
        else:
            orphans.append(pid)
    left.append(len(orphans))
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    with open(baseline) as stream:
        json.load(stream)  # the old file or the new one: either is whole
    valid += 1
print(json.dumps({"left": left, "valid": valid, "forked": forked}))
"""


def test_a_killed_baseline_update_leaves_a_whole_file_and_no_worker(tmp_path: Path) -> None:
    case = tmp_path / "generated" / "case"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(tmp_path / "generated"),
         "--sources", "60", "--claims", "100"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    baseline = tmp_path / "baseline.json"
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(case), str(baseline), "6"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    outcome = json.loads(result.stdout)
    # Workers were running when some of the runs were killed, and none outlived its parent.
    assert outcome == {"left": [0] * 6, "valid": 6, "forked": 6}
