#!/usr/bin/env bash
# Runs this repository's pre-commit hook (the PATH variant) on a copy of examples/ made
# into a git repository: it must pass there, and fail once a file has an error.
# Usage: scripts/try_precommit.sh path/to/acctsum   (needs `pre-commit` on PATH)
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/examples/." "$work/"
rm -rf "$work/ci"
cd "$work"
git init -q -b main
git add -A
export PATH="$(dirname "$bin"):$PATH" ACCTSUM_TODAY=2026-11-20 PRE_COMMIT_HOME="$work/.cache"
pre-commit try-repo "$repo" acctsum-check-system --all-files
sed -i 's/^status: amber$/status: purple/' engagements/north/northern-mutual-open-banking.yaml
git add -A
if pre-commit try-repo "$repo" acctsum-check-system --all-files; then
  echo "the hook passed a file with an error" >&2
  exit 1
fi
echo "pre-commit hook: passes clean files, fails on an error"
