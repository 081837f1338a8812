#!/usr/bin/env python3
"""Does an independent JSON Schema validator agree with `acctsum check`?

For every workspace under the given folders (a folder holding `acctsum.yaml` or an
`engagements/` folder), this writes the workspace's schema with `acctsum schema`, runs
`check-jsonschema` on each engagement file, and compares its verdict (valid / invalid)
with acctsum's structural verdict for the file: invalid when acctsum reports any
structural finding other than the cross-file and size/encoding ones, which a per-file
schema cannot see (SPEC §5 `schema`).

    python3 scripts/schema_agreement.py --bin target/release/acctsum tests/fixtures examples

Exits 1 on any disagreement, printing each one.
"""
import argparse, json, os, subprocess, sys, tempfile
from pathlib import Path

# Structural rules a single-file JSON Schema check can see.
PER_FILE = {"syntax", "unsupported-version", "missing-field", "unknown-field", "invalid-type",
            "invalid-value", "score-out-of-range", "unknown-measure", "unknown-region", "duplicate-key"}
# Files these rules stop are outside the contract (limits and encodings).
OUTSIDE = {"not-utf8", "file-too-large"}


def workspaces(roots):
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            if "acctsum.yaml" in filenames or "engagements" in dirnames:
                yield Path(dirpath)
                dirnames[:] = []


def engagement_files(ws):
    for dirpath, dirnames, filenames in os.walk(ws / "engagements"):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "target")
        for name in sorted(filenames):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                yield Path(dirpath) / name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("roots", nargs="+")
    a = ap.parse_args()
    acctsum = str(Path(a.bin).resolve())
    compared = disagreements = skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        for ws in workspaces(a.roots):
            files = list(engagement_files(ws))
            if not files:
                continue
            schema = Path(tmp) / "schema.json"
            made = subprocess.run([acctsum, "-C", str(ws), "schema", "-o", str(schema)], capture_output=True)
            if made.returncode != 0:
                skipped += len(files)  # an invalid config: no schema to compare with
                continue
            checked = subprocess.run([acctsum, "-C", str(ws), "--today", "2026-11-20", "check", "--format", "json",
                                      *map(str, files)], capture_output=True, text=True)
            if checked.returncode == 2:
                print(f"acctsum could not check {ws}: {checked.stderr}", file=sys.stderr)
                return 1
            findings = json.loads(checked.stdout)["findings"]
            rules_by_file = {}
            for f in findings:
                rules_by_file.setdefault(f["path"], set()).add(f["rule"])
            validated = subprocess.run(["check-jsonschema", "-o", "json", "--schemafile", str(schema),
                                        *map(str, files)], capture_output=True, text=True)
            report = json.loads(validated.stdout)
            bad = {Path(e["filename"]).resolve() for e in report.get("errors", []) + report.get("parse_errors", [])}
            for path in files:
                shown = path.relative_to(ws).as_posix()
                rules = rules_by_file.get(shown, set())
                if rules & OUTSIDE:
                    skipped += 1
                    continue
                ours = bool(rules & PER_FILE)
                theirs = path.resolve() in bad
                compared += 1
                if ours != theirs:
                    disagreements += 1
                    print(f"DISAGREE {path}: acctsum says {'invalid' if ours else 'valid'} "
                          f"({', '.join(sorted(rules)) or 'no findings'}), check-jsonschema says "
                          f"{'invalid' if theirs else 'valid'}")
    print(f"{compared} files compared, {disagreements} disagreements, {skipped} outside the contract")
    return 1 if disagreements or not compared else 0


if __name__ == "__main__":
    sys.exit(main())
