#!/usr/bin/env bash
# The site, checked as a reader gets it: every page valid HTML (the Nu HTML checker), and
# the index and pages driven in a real browser (Debian's Chromium, Playwright, axe-core).
# Installs what it needs (apt, pip, npm by package name); tools are kept under target/tools.
#
#     bash scripts/site_checks.sh target/release/acctsum
#
# Screenshots and a printed engagement page are left in target/browser/ (CI artifacts).
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/.."
tools=target/tools
mkdir -p "$tools"

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v java >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
python3 -m pip install --quiet --disable-pip-version-check 'playwright==1.65.2' 'PyYAML==6.0.3'
if [ ! -f "$tools/axe/axe.min.js" ]; then
  (cd "$tools" && npm pack --silent axe-core@4.11.0 >/dev/null && mkdir -p axe \
    && tar xzf axe-core-4.11.0.tgz -C axe --strip-components=1 package/axe.min.js)
fi
if [ ! -f "$tools/vnu/vnu.jar" ]; then
  (cd "$tools" && npm pack --silent vnu-jar@26.9.27 >/dev/null && mkdir -p vnu \
    && tar xzf vnu-jar-26.9.27.tgz -C vnu --strip-components=3 package/build/dist/vnu.jar)
fi

sites=$(mktemp -d)
trap 'rm -rf "$sites"' EXIT
"$bin" -C examples --today 2026-11-20 --quiet site --audience leads -o "$sites/leads"
"$bin" -C examples --today 2026-11-20 --quiet site -o "$sites/company"
"$bin" -C tests/report/hostile --today 2026-11-20 --quiet site -o "$sites/hostile"

echo "valid HTML (vnu):"
java -jar "$tools/vnu/vnu.jar" --errors-only --skip-non-html "$sites/leads" "$sites/company" "$sites/hostile"
echo "  $(find "$sites" -name '*.html' | wc -l) pages valid"

echo "in Chromium:"
python3 tests/browser/site_test.py --site "$sites/leads" --examples examples \
  --axe "$tools/axe/axe.min.js" --out target/browser --also "$sites/company" --also "$sites/hostile"
