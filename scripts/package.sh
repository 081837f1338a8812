#!/usr/bin/env bash
# Packs a release build of acctsum for TARGET into dist/:
#   acctsum-<version>-<target>.tar.gz (.zip for Windows), holding one folder with the
#   binary, README.md, the two licences, the man page (acctsum.1) and shell completions;
#   and <archive>.sha256, in the form `sha256sum -c` reads.
# The release workflow (.github/workflows/release.yml) runs it once per target after
# `cargo build --release --target TARGET`; .ci/run runs it for the host with BINARY.
# Usage: scripts/package.sh TARGET [BINARY]   (BINARY: target/TARGET/release/acctsum[.exe])
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/package.sh TARGET [BINARY]}
exe=""
case $target in *windows*) exe=.exe ;; esac
bin=${2:-target/$target/release/acctsum$exe}
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
name=acctsum-$version-$target
[ -f "$bin" ] || { echo "package.sh: no binary at $bin (build it first)" >&2; exit 2; }

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

# The man page and completions are the same for every target: they come from whichever
# build runs here (a cross-compiled binary may not run on the build machine).
docs=$bin
if ! "$docs" --version >/dev/null 2>&1; then
  cargo build --locked --release
  docs=target/release/acctsum$exe
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir=$stage/$name
mkdir -p "$dir/completions" dist
cp "$bin" "$dir/acctsum$exe"
cp README.md LICENSE-MIT LICENSE-APACHE "$dir/"
"$docs" man > "$dir/acctsum.1"
"$docs" completions bash > "$dir/completions/acctsum.bash"
"$docs" completions zsh > "$dir/completions/_acctsum"
"$docs" completions fish > "$dir/completions/acctsum.fish"
"$docs" completions powershell > "$dir/completions/_acctsum.ps1"
"$docs" completions elvish > "$dir/completions/acctsum.elv"

if [ -n "$exe" ]; then
  archive=$name.zip
  rm -f "dist/$archive"
  # Windows runners have 7-Zip; elsewhere zip.
  if command -v 7z >/dev/null 2>&1; then
    (cd "$stage" && 7z a -tzip -bso0 "$OLDPWD/dist/$archive" "$name")
  else
    (cd "$stage" && zip -qr "$OLDPWD/dist/$archive" "$name")
  fi
else
  archive=$name.tar.gz
  tar -C "$stage" -czf "dist/$archive" "$name"
fi
(cd dist && sha256 "$archive" > "$archive.sha256")
echo "dist/$archive"
