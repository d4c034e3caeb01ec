// Extracts the issue-comment endpoints (and every component they reference) from @octokit/openapi.
// Usage (in an empty temp dir):
//   npm pack @octokit/openapi && tar xzf octokit-openapi-*.tgz
//   node <repo>/tests/ModelGate.Testing/openapi/extract.mjs package <repo>/tests/ModelGate.Testing/openapi
// Writes issue-comments.<description>.json for api.github.com and the newest GHES description.
import fs from "node:fs";
import path from "node:path";

const [pkgDir, outDir] = process.argv.slice(2);
const operations = ["issues/list-comments", "issues/create-comment", "issues/update-comment", "issues/delete-comment"];
const version = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
const generated = path.join(pkgDir, "generated");
const ghes = fs.readdirSync(generated).filter(f => /^ghes-[\d.]+\.json$/.test(f))
  .sort((a, b) => parseFloat(a.slice(5)) - parseFloat(b.slice(5))).pop();

for (const file of ["api.github.com.json", ghes]) {
  const spec = JSON.parse(fs.readFileSync(path.join(generated, file), "utf8"));
  const paths = {};
  const components = {};
  const pending = [];
  const collect = node => {
    if (Array.isArray(node)) { node.forEach(collect); return; }
    if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string") pending.push(v);
        else if (k !== "examples" && k !== "example") collect(v);
      }
    }
  };
  for (const [p, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!operations.includes(op.operationId)) continue;
      const { examples, ...kept } = op;
      paths[p] ??= {};
      paths[p][method] = kept;
      collect(kept);
    }
  }
  while (pending.length) {
    const ref = pending.pop();
    const [, , kind, name] = ref.split("/"); // "#/components/<kind>/<name>"
    if (kind === "examples") continue;
    components[kind] ??= {};
    if (components[kind][name]) continue;
    const value = structuredClone(spec.components[kind][name]);
    if (value && typeof value === "object") { delete value.examples; delete value.example; }
    components[kind][name] = value;
    collect(value);
  }
  // Example refs are dropped above; remove the now-dangling pointers to them.
  const strip = node => {
    if (Array.isArray(node)) return node.forEach(strip);
    if (node && typeof node === "object") {
      if (node.examples) delete node.examples;
      Object.values(node).forEach(strip);
    }
  };
  strip(paths); strip(components);
  const out = {
    "x-extracted-from": `@octokit/openapi@${version} generated/${file}`,
    "x-extracted-by": "tests/ModelGate.Testing/openapi/extract.mjs",
    openapi: spec.openapi,
    info: { title: spec.info.title, version: spec.info.version },
    paths,
    components,
  };
  const name = file.replace(/\.json$/, "");
  fs.writeFileSync(path.join(outDir, `issue-comments.${name}.json`), JSON.stringify(out, null, 2) + "\n");
  console.log(`${name}: ${Object.keys(paths).length} paths, ` +
    Object.entries(components).map(([k, v]) => `${Object.keys(v).length} ${k}`).join(", "));
}
