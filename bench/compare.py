#!/usr/bin/env python3
"""Times two acctsum binaries against each other on one workspace, runs alternating.

    python3 bench/compare.py --base OLD_BIN --new NEW_BIN --workspace DIR [--runs 5] [--since DATE]

For each command (`check`, `report`, `report --since DATE`, as bench/run.py runs them) it runs the base binary and
the new one in turn, RUNS times each, and prints the medians of wall time and of CPU time (user + system, with the git processes
it waited for: steadier than wall time on a shared machine), new/base for each command,
and each binary's `report --since` / `report` ratio. Alternating runs keep a busy
machine's drift out of the ratios. DIR is a workspace made by
`cargo run --release --example gen_corpus -- --count 10000 --history 500 --seed 7 --out DIR`.
"""
import argparse, os, statistics, subprocess, sys, time

TODAY = "2026-11-20"


def run(cmd):
    """Wall time and CPU time (user + system, with the git processes it waited for), in s."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited with {code}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("--workspace", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--since", help="default: the date of the workspace's first commit, as bench/run.py")
    a = ap.parse_args()
    if a.since is None:
        log = ["git", "log", "--reverse", "--format=%cs"]
        a.since = subprocess.run(log, cwd=a.workspace, capture_output=True, text=True, check=True).stdout.split()[0]
    commands = {
        "check": ["check", "--format", "json"],
        "report": ["report"],
        "report --since": ["report", "--since", a.since],
    }
    medians = {}
    for name, args in commands.items():
        times = {"base": [], "new": []}
        for _ in range(a.runs):
            for which in ("base", "new"):
                binary = a.base if which == "base" else a.new
                times[which].append(run([binary, "-C", a.workspace, "--today", TODAY, *args]))
        for which in ("base", "new"):
            for k, kind in enumerate(("wall", "cpu")):
                medians[(name, which, kind)] = statistics.median(t[k] for t in times[which])
        line = f"{name:<16}"
        for kind in ("wall", "cpu"):
            b, n = medians[(name, "base", kind)], medians[(name, "new", kind)]
            line += f"  {kind}: base {b:7.3f} s, new {n:7.3f} s, new/base {n / b:5.2f}x"
        print(line, flush=True)
    for kind in ("wall", "cpu"):
        ratio = {w: medians[("report --since", w, kind)] / medians[("report", w, kind)] for w in ("base", "new")}
        print(f"report --since / report ({kind}): new {ratio['new']:.2f}x, base {ratio['base']:.2f}x")


if __name__ == "__main__":
    main()
