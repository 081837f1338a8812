#!/usr/bin/env python3
"""Benchmarks acctsum side by side with its baselines, in one run, and writes BENCHMARKS.md.

    python3 bench/run.py [--count 10000] [--history 500] [--runs 7] [--slow-runs 3]
    python3 bench/run.py --workspace DIR --only report,since,trends,trends-all [--runs 5] [--out FILE]

On one generated workspace (`cargo run --release --example gen_corpus`: COUNT files, a git
history of HISTORY dated commits) it times, each several times:

  - `acctsum check`                     the job CI runs on every pull request (JSON)
  - `check --format short` and `human`  the same, as a terminal or CI log shows it
  - `cat`                               reading the bytes of every file, nothing else
  - events-only baseline                granit-parser's events for every file on the same
                                        threads, no tree (bench/events_only.rs)
  - parse-only baseline                 read + YAML-parse the same files with the same
                                        loader on the same threads (bench/parse_only.rs)
  - peak memory of `check` in every format (json, short, human, github, sarif)
  - `check-jsonschema`                  the same files against schema/engagement.schema.json
  - `acctsum report`                    the regional overview (table)
  - `acctsum report --since DATE`       the same, compared with the first commit
  - `acctsum check` on 10 files         how it feels on a small workspace
  - trends, 26 weeks                    the site's trends of every engagement (bench/trends.rs,
                                        `--weeks 26`, the window ending on the same --today)
  - trends, all history                 the same over every version, for comparison

`--workspace DIR` times an existing workspace instead of generating one; `--only` times
some of the commands (check, floor, parse, report, since, small, jsonschema, trends,
trends-all, memory).

and writes the medians, the ratios the SPEC sets targets for, and peak memory to
BENCHMARKS.md, with the machine and this command. Timings vary from machine to machine and
run to run; the ratios, measured in one run, are what to compare.
"""
import argparse, datetime, os, platform, shutil, statistics, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-20"


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def timed(cmd, cwd=None):
    """Wall time (s), peak resident memory (MB) of the process and the children it waited
    for (git's processes, which map the pack), and CPU time (user + system, git's
    included: steadier than wall time on a shared machine) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(map(str, cmd))} exited with {code}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def measure(name, cmd, runs, cwd=None):
    times, cpus, peak = [], [], 0.0
    for _ in range(runs):
        t, mem, cpu = timed(cmd, cwd)
        times.append(t)
        cpus.append(cpu)
        peak = max(peak, mem)
    median = statistics.median(times)
    cpu = statistics.median(cpus)
    print(f"{name:<34} median {median:8.3f} s over {runs} runs (min {min(times):.3f}, max {max(times):.3f}), CPU {cpu:.3f} s, peak {peak:6.1f} MB", flush=True)
    return {"name": name, "median": median, "min": min(times), "max": max(times), "runs": runs, "peak": peak, "cpu": cpu}


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) // (1024 * 1024)} GiB RAM"
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--history", type=int, default=500)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--slow-runs", type=int, default=3, help="runs of check-jsonschema, which takes minutes")
    ap.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    ap.add_argument("--workspace", help="an existing workspace with history (default: generate one)")
    ap.add_argument("--only", help="comma-separated: check, floor, parse, report, since, small, jsonschema, trends, trends-all, memory")
    ap.add_argument("--weeks", type=int, default=26, help="the trend window, in weeks")
    a = ap.parse_args()
    only = set(a.only.split(",")) if a.only else None
    wanted = lambda key: only is None or key in only

    examples = ["--example", "gen_corpus", "--example", "parse_only", "--example", "events_only", "--example", "trends"]
    sh(["cargo", "build", "--release", "--quiet", "--bin", "acctsum", *examples], cwd=ROOT)
    acctsum = ROOT / "target/release/acctsum"
    corpus = Path(a.workspace) if a.workspace else ROOT / f"target/bench/corpus-{a.count}-{a.history}"
    small = ROOT / "target/bench/corpus-10"
    for path, count, history in ((corpus, a.count, a.history), (small, 10, 0)):
        if not path.exists() and (path != small or wanted("small")):
            args = ["--count", str(count), "--out", str(path), "--seed", "7"]
            if history:
                args += ["--history", str(history)]
            sh([ROOT / "target/release/examples/gen_corpus", *args])
    files = sorted(str(p) for p in corpus.glob("engagements/**/*.yaml"))
    size = sum(os.path.getsize(f) for f in files) / len(files) / 1024
    first = subprocess.run(["git", "log", "--reverse", "--format=%cs"], cwd=corpus, capture_output=True, text=True, check=True).stdout.split()[0]
    commits = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=corpus, capture_output=True, text=True, check=True).stdout.strip()
    print(f"workspace: {len(files)} files, {size:.1f} KB on average, {commits} commits; machine: {machine()}", flush=True)

    base = [acctsum, "-C", corpus, "--today", TODAY]
    trends = [ROOT / "target/release/examples/trends", corpus, "--today", TODAY]
    results = {}
    if wanted("check"):
        results["check"] = measure("acctsum check", [*base, "check", "--format", "json"], a.runs)
    if wanted("floor"):
        # Issue 16's floor, each command in turn with the others, so that a busy
        # machine's drift falls on all of them alike.
        floor = [
            ("cat", "cat (every file's bytes)", ["sh", "-c", "find engagements -name '*.yaml' -print0 | xargs -0 cat >/dev/null"], corpus),
            ("events", "events-only baseline", [ROOT / "target/release/examples/events_only", corpus], None),
            ("short", "acctsum check --format short", [*base, "check", "--format", "short"], None),
            ("human", "acctsum check --format human", [*base, "check", "--format", "human"], None),
        ]
        runs = {key: [] for key, *_ in floor}
        for _ in range(a.runs):
            for key, name, cmd, cwd in floor:
                runs[key].append(measure(name, cmd, 1, cwd))
        for key, name, _, _ in floor:
            rs = runs[key]
            times = [r["median"] for r in rs]
            results[key] = {
                "name": name, "median": statistics.median(times), "min": min(times), "max": max(times),
                "runs": a.runs, "peak": max(r["peak"] for r in rs), "cpu": statistics.median(r["cpu"] for r in rs),
            }
    memory = {}
    if wanted("memory"):
        for fmt in ("json", "short", "human", "github", "sarif"):
            memory[fmt] = measure(f"acctsum check --format {fmt}", [*base, "check", "--format", fmt], 1)["peak"]
    if wanted("parse"):
        results["parse"] = measure("parse-only baseline", [ROOT / "target/release/examples/parse_only", corpus], a.runs)
    if wanted("report"):
        results["report"] = measure("acctsum report", [*base, "report"], a.runs)
    # The commands compared with `report --since` run in turn with it, so that a busy
    # machine's drift falls on all of them alike.
    paired = [("since", f"acctsum report --since {first}", [*base, "report", "--since", first])]
    if wanted("trends"):
        paired.append(("trends", f"trends, {a.weeks} weeks", [*trends, "--weeks", str(a.weeks)]))
    if wanted("trends-all"):
        paired.append(("trends-all", "trends, all history", [*trends, "--all"]))
    if wanted("since") or len(paired) > 1:
        runs = {key: [] for key, _, _ in paired}
        for _ in range(a.runs):
            for key, name, cmd in paired:
                runs[key].append(measure(name, cmd, 1))
        for key, name, _ in paired:
            rs = runs[key]
            times = [r["median"] for r in rs]
            results[key] = {
                "name": name, "median": statistics.median(times), "min": min(times), "max": max(times),
                "runs": a.runs, "peak": max(r["peak"] for r in rs), "cpu": statistics.median(r["cpu"] for r in rs),
            }
    if wanted("small"):
        results["small"] = measure("acctsum check (10 files)", [acctsum, "-C", small, "--today", TODAY, "check"], a.runs * 3)
    validator = shutil.which("check-jsonschema")
    if validator and wanted("jsonschema"):
        results["jsonschema"] = measure(
            "check-jsonschema", [validator, "--schemafile", ROOT / "schema/engagement.schema.json", *files], a.slow_runs
        )

    r = results
    ratio = lambda a_, b_, f: f(r[a_], r[b_]) if a_ in r and b_ in r else "not measured"
    rows = [
        ("`check` vs `check-jsonschema`", "≥ 20× faster",
         ratio("jsonschema", "check", lambda x, y: f"{x['median'] / y['median']:.1f}× faster")),
        ("`check` vs parse-only baseline", "≤ 2×", ratio("check", "parse", lambda x, y: f"{x['median'] / y['median']:.2f}×")),
        ("`check --format short` vs `cat` (issue 16)", "≤ 3×",
         ratio("short", "cat", lambda x, y: f"{x['median'] / y['median']:.2f}×")),
        ("`check --format short` vs events-only baseline (issue 16)", "≤ 1.25×",
         ratio("short", "events", lambda x, y: f"{x['median'] / y['median']:.2f}× (CPU {x['cpu'] / y['cpu']:.2f}×)")),
        ("`check --format human` vs `--format short` (issue 16)", "≤ 1.3×",
         ratio("human", "short", lambda x, y: f"{x['median'] / y['median']:.2f}× (CPU {x['cpu'] / y['cpu']:.2f}×)")),
        ("peak memory of `check`, every format (issue 16)", "≤ 60 MB",
         ", ".join(f"{k} {v:.0f} MB" for k, v in memory.items()) if memory else "not measured"),
        ("`report --since` vs `report`", "≤ 3× (aim 2×)", ratio("since", "report", lambda x, y: f"{x['median'] / y['median']:.2f}×")),
        ("peak memory of `check`", "< 300 MB", f"{r['check']['peak']:.0f} MB" if "check" in r else "not measured"),
        ("peak memory of `report --since`", "< 300 MB", f"{r['since']['peak']:.0f} MB" if "since" in r else "not measured"),
        ("`check` on 10 files", "< 20 ms", f"{r['small']['median'] * 1000:.1f} ms" if "small" in r else "not measured"),
        (f"trends ({a.weeks} weeks) vs `report --since`", "≤ 1.5× (issue 13)",
         ratio("trends", "since", lambda x, y: f"{x['median'] / y['median']:.2f}× (CPU {x['cpu'] / y['cpu']:.2f}×)")),
        ("trends (all history) vs `report --since`", "for comparison",
         ratio("trends-all", "since", lambda x, y: f"{x['median'] / y['median']:.2f}× (CPU {x['cpu'] / y['cpu']:.2f}×)")),
    ]
    command = "python3 bench/run.py " + " ".join(f"{k} {v}" for k, v in (
        ("--count", a.count), ("--history", a.history), ("--runs", a.runs), ("--slow-runs", a.slow_runs)))
    if a.workspace or a.only:
        command = "python3 bench/run.py " + " ".join(f"{k} {v}" for k, v in (
            ("--workspace", a.workspace or corpus), ("--only", a.only or "all"), ("--runs", a.runs), ("--weeks", a.weeks)))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.date.today()} at commit `{commit or 'unknown'}` on {machine()}.",
        "",
        f"Reproduce with `{command}`. It generates (once) a workspace of {len(files)} engagement files "
        f"({size:.1f} KB on average, {commits} dated commits, a share of planted defects) with "
        "`cargo run --release --example gen_corpus`, then times every command below in the same run. "
        "Times are medians; memory is the peak resident set of any run.",
        "",
        "## Targets (SPEC §8, issue 6)",
        "",
        "| measure | target | measured |",
        "| --- | --- | --- |",
        *[f"| {m} | {t} | {v} |" for m, t, v in rows],
        "",
        "## Timings",
        "",
        "| command | median | min | max | runs | CPU (median) | peak memory |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        *[f"| {x['name']} | {x['median']:.3f} s | {x['min']:.3f} s | {x['max']:.3f} s | {x['runs']} | {x['cpu']:.3f} s | {x['peak']:.0f} MB |"
          for x in results.values()],
        "",
    ]
    old = Path(a.out).read_text() if Path(a.out).exists() else ""
    keep = old.split("\n## Fuzzing", 1)
    text = "\n".join(lines) + ("\n## Fuzzing" + keep[1] if len(keep) == 2 else "")
    Path(a.out).write_text(text)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
