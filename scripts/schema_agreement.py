#!/usr/bin/env python3
"""Does an independent JSON Schema validator agree with `acctsum check`?

For every workspace under the given folders (a folder holding `acctsum.yaml` or an
`engagements/` folder), this writes the workspace's schemas with `acctsum schema` (and
`acctsum schema --review`), runs `check-jsonschema` on each engagement file (and each
review session file under `reviews/`), and compares its verdict (valid / invalid)
with acctsum's structural verdict for the file: invalid when acctsum reports any
structural finding other than the cross-file and size/encoding ones, which a per-file
schema cannot see (SPEC §5 `schema`).

    python3 scripts/schema_agreement.py --bin target/release/acctsum tests/fixtures examples

Exits 1 on any disagreement, printing each one.
"""
import argparse, json, os, re, subprocess, sys, tempfile
from pathlib import Path

# Structural rules a single-file JSON Schema check can see.
PER_FILE = {"syntax", "unsupported-version", "missing-field", "unknown-field", "invalid-type",
            "invalid-value", "score-out-of-range", "unknown-measure", "unknown-region", "duplicate-key"}
# Files these rules stop are outside the contract (limits, encodings, files not read).
OUTSIDE = {"not-utf8", "file-too-large", "unreadable"}


def workspaces(roots):
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            if "acctsum.yaml" in filenames or "engagements" in dirnames:
                yield Path(dirpath)
                dirnames[:] = []


def engagement_files(ws, folder="engagements"):
    for dirpath, dirnames, filenames in os.walk(ws / folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "target")
        for name in sorted(filenames):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                yield Path(dirpath) / name


def known_difference(findings):
    """JSON Schema cannot tell 4.0 from 4, so validators accept `score: 4.0`; the SPEC
    makes it invalid-type. Such a file is a known, reported difference, not a failure."""
    structural = [f for f in findings if f["rule"] in PER_FILE]
    for f in structural:
        value = re.search(r"found a decimal number \(`([^`]*)`\)", f["message"])
        if f["rule"] != "invalid-type" or not value:
            return False
        try:
            if not float(value.group(1)).is_integer():
                return False
        except ValueError:
            return False
    return bool(structural)


# What YAML 1.2 refuses and ruamel.yaml (check-jsonschema's parser), like PyYAML, accepts:
# lines of a bracketed list or mapping, or of quoted text, indented no further than their
# key, and tabs before them. Such a file is not valid YAML, so outside the contract. The
# parser's words, which a plain-words message keeps (in parentheses, after "YAML parser:").
STRICT_INDENTATION = ("invalid indentation", "tab cannot be used as indentation", "tabs disallowed within this context")


def not_yaml_1_2(findings):
    structural = [f for f in findings if f["rule"] in PER_FILE]
    return bool(structural) and all(f["rule"] == "syntax" and any(w in f["message"] for w in STRICT_INDENTATION)
                                    for f in structural)


# An acknowledgement's `until` too far after today is an invalid-value that depends on the
# day of the check, as future-date does (a content rule, so never compared): a per-file
# schema cannot see it, so such a finding is left out of the comparison.
UNTIL_TOO_FAR = re.compile(r"^`until` of acknowledgement \d+ is .*; an acknowledgement lasts at most ")


# A session action's `engagement` that names no engagement is an invalid-value found
# across files (the names are in other files): a per-file schema cannot see it either.
NAMES_NO_ENGAGEMENT = re.compile(r"^`engagement` of action \d+ names .*, which is no engagement's name$")


def date_relative(f):
    return f["rule"] == "invalid-value" and bool(UNTIL_TOO_FAR.match(f["message"]) or
                                                  NAMES_NO_ENGAGEMENT.match(f["message"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("roots", nargs="+")
    a = ap.parse_args()
    acctsum = str(Path(a.bin).resolve())
    compared = disagreements = skipped = known = 0
    with tempfile.TemporaryDirectory() as tmp:
        # acctsum's verdict per file, and the files grouped by the schema of their workspace.
        groups = {}   # schema text -> list of (path, findings)
        kinds = [("engagements", []), ("reviews", ["--review"])]
        for ws, (folder, flag) in ((ws, kind) for ws in workspaces(a.roots) for kind in kinds):
            files = list(engagement_files(ws, folder))
            if not files:
                continue
            schema = Path(tmp) / "schema.json"
            made = subprocess.run([acctsum, "-C", str(ws), "schema", *flag, "-o", str(schema)], capture_output=True)
            if made.returncode != 0:
                skipped += len(files)  # an invalid config: no schema to compare with
                continue
            checked = subprocess.run([acctsum, "-C", str(ws), "--today", "2026-11-20", "check", "--format", "json",
                                      *map(str, files)], capture_output=True, text=True)
            if checked.returncode == 2:
                print(f"acctsum could not check {ws}: {checked.stderr}", file=sys.stderr)
                return 1
            by_file = {}
            for f in json.loads(checked.stdout)["findings"]:
                if not date_relative(f):
                    by_file.setdefault(f["path"], []).append(f)
            group = groups.setdefault(schema.read_text(), [])
            for path in files:
                findings = by_file.get(path.relative_to(ws).as_posix(), [])
                if {f["rule"] for f in findings} & OUTSIDE:
                    # Not the validator's business, and an alias bomb keeps it busy for minutes.
                    skipped += 1
                else:
                    group.append((path, findings))
        # One validator run per distinct schema.
        for n, (schema_text, files) in enumerate(groups.items()):
            schema = Path(tmp) / f"schema-{n}.json"
            schema.write_text(schema_text)
            validated = subprocess.run(["check-jsonschema", "-o", "json", "--schemafile", str(schema),
                                        *(str(p) for p, _ in files)], capture_output=True, text=True)
            report = json.loads(validated.stdout)
            bad = {Path(e["filename"]).resolve() for e in report.get("errors", []) + report.get("parse_errors", [])}
            for path, findings in files:
                rules = {f["rule"] for f in findings}
                ours = bool(rules & PER_FILE)
                theirs = path.resolve() in bad
                compared += 1
                if ours == theirs:
                    continue
                if ours and known_difference(findings):
                    known += 1
                    print(f"known difference {path}: a whole number written as a decimal (4.0)")
                    continue
                if ours and not_yaml_1_2(findings):
                    known += 1
                    print(f"known difference {path}: not valid YAML 1.2 (indentation), which ruamel.yaml accepts")
                    continue
                disagreements += 1
                print(f"DISAGREE {path}: acctsum says {'invalid' if ours else 'valid'} "
                      f"({', '.join(sorted(rules)) or 'no findings'}), check-jsonschema says "
                      f"{'invalid' if theirs else 'valid'}")
    print(f"{compared} files compared over {len(groups)} schemas: {disagreements} disagreements, "
          f"{known} known differences, {skipped} outside the contract")
    return 1 if disagreements or not compared else 0


if __name__ == "__main__":
    sys.exit(main())
