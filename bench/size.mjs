/**
 * `npm run size`: the size budget of the built package, measured as size-limit with its
 * esbuild plugin measures it (esbuild bundle of the entry, peers left external, minified,
 * then gzip), and read from size-limit's own config: the `"size-limit"` field of
 * package.json (`path`, `limit`, `import`, `ignore`, `gzip`). size-limit 14 itself cannot run here: it imports `glob` from
 * `node:fs/promises`, which Node 20 lacks, and its gzip step lives in `@size-limit/file`.
 * Exits 1 when an entry is over its limit, so CI fails. Run `npm run build` first.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
const checks = pkg["size-limit"];
if (!Array.isArray(checks) || checks.length === 0) {
  throw new Error('package.json has no "size-limit" checks.');
}

/** size-limit's units: "4 KB" and "4 kB" are 4000 bytes, "4 KiB" is 4096. */
function parseBytes(text) {
  const match = /^(\d+(?:\.\d+)?) *(?:([kmg])?(i)?b)?$/i.exec(String(text).trim());
  if (!match) throw new Error(`Cannot read the limit "${text}".`);
  const [, number, prefix, binary] = match;
  const power = prefix ? "kmg".indexOf(prefix.toLowerCase()) + 1 : 0;
  return Math.floor(Number(number) * (binary ? 1024 : 1000) ** power);
}

const formatBytes = (bytes) =>
  bytes >= 1000 ? `${Number((bytes / 1000).toFixed(2))} kB` : `${bytes} B`;

/** The externals and minifier settings every measurement here shares. */
const bundleOptions = (ignore) => ({
  bundle: true,
  write: false,
  format: "esm",
  platform: "browser",
  minify: true,
  treeShaking: true,
  // A package name also covers its subpaths (`react/jsx-runtime`).
  external: ignore ?? [],
  logLevel: "silent",
  // What an app ships: its bundler builds for production, where the package's development-only
  // prop-shape checks fall away (as React's and TanStack Query's do).
  define: { "process.env.NODE_ENV": '"production"' },
});

if (process.argv.includes("--by-module")) {
  // `npm run size -- --by-module`: what each source module adds to the entry, minified (not
  // gzipped: gzip works across modules), biggest first. Bundled from src/, as the build does.
  const result = await build({
    ...bundleOptions(checks[0].ignore),
    entryPoints: [resolve(root, "src/index.ts")],
    jsx: "automatic",
    metafile: true,
  });
  const [output] = Object.values(result.metafile.outputs);
  const modules = Object.entries(output.inputs).sort(
    ([, a], [, b]) => b.bytesInOutput - a.bytesInOutput,
  );
  for (const [path, { bytesInOutput }] of modules) {
    if (bytesInOutput > 0) console.log(`${String(bytesInOutput).padStart(7)} B  ${path}`);
  }
  const code = result.outputFiles[0].contents;
  console.log(
    `${String(code.length).padStart(7)} B  in all; ${gzipSync(code, { level: 9 }).length} B gzipped`,
  );
  process.exit(0);
}

/**
 * The output files an entry loads at start (itself and what it imports statically, shared
 * chunks included) and those it loads on demand (behind `import()`, and what only they need).
 */
function partsOf(result) {
  const outputs = result.metafile.outputs;
  const byPath = new Map(result.outputFiles.map((file) => [file.path, file]));
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined);
  const reach = (from, kinds) => {
    const seen = new Set();
    const visit = (path) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const { path: next, kind } of outputs[path].imports) {
        if (kinds.includes(kind) && outputs[next]) visit(next);
      }
    };
    visit(from);
    return seen;
  };
  const atStart = reach(entry, ["import-statement"]);
  const all = reach(entry, ["import-statement", "dynamic-import"]);
  const fileOf = (path) => byPath.get(resolve(root, path));
  return {
    atStart: [...atStart].map(fileOf),
    onDemand: [...all].filter((path) => !atStart.has(path)).map(fileOf),
  };
}

let failed = false;
for (const check of checks) {
  const entry = resolve(root, check.path);
  if (!existsSync(entry)) {
    console.error(`${check.path} does not exist: run \`npm run build\` first.`);
    process.exit(1);
  }
  // With `import` (size-limit's option), only those exports are measured, as an app that
  // imports just them pays after tree-shaking.
  const input = check.import
    ? {
        stdin: {
          contents: `import ${check.import} from ${JSON.stringify(entry)};\nconsole.log(${check.import.replace(/^\{|\}$/g, "").trim()});`,
          resolveDir: root,
          loader: "js",
        },
      }
    : { entryPoints: [entry] };
  // Split as an app's bundler splits it: what the entry loads at start is measured; chunks
  // behind a dynamic import() (the guest-cart merge) load only when used, and are shown apart.
  const result = await build({
    ...input,
    ...bundleOptions(check.ignore),
    splitting: true,
    outdir: resolve(root, ".size"),
    metafile: true,
  });
  const { atStart, onDemand } = partsOf(result);
  // An app's bundler puts the package's static chunks into its own: measured as one file.
  const measure = (files) => {
    const joined = Buffer.concat(files.map((file) => Buffer.from(file.contents)));
    return check.gzip === false ? joined.length : gzipSync(joined, { level: 9 }).length;
  };
  const size = measure(atStart);
  const later = measure(onDemand);
  const code = Buffer.concat(atStart.map((file) => Buffer.from(file.contents)));
  const limit = parseBytes(check.limit);
  const over = size > limit;
  // `mustNotContain` (ours, not size-limit's): strings whose presence would mean the import
  // carries code it does not use (a customer storefront paying for accounts).
  const text = Buffer.from(code).toString();
  const carried = (check.mustNotContain ?? []).filter((needle) => text.includes(needle));
  failed ||= over || carried.length > 0;
  console.log(
    [
      "",
      `  ${check.name ?? check.path}`,
      `  Size limit: ${formatBytes(limit)}`,
      `  Size:       ${formatBytes(size)} (${size} B) with all dependencies but ${(check.ignore ?? []).join(", ") || "none"}, minified${check.gzip === false ? "" : " and gzipped"}`,
      over ? `  Over the limit by ${formatBytes(size - limit)}.` : "",
      onDemand.length > 0
        ? `  Loaded only when used (dynamic import, not counted): ${formatBytes(later)}.`
        : "",
      check.mustNotContain
        ? carried.length > 0
          ? `  Carries what it must not: ${carried.map((needle) => JSON.stringify(needle)).join(", ")}.`
          : `  Carries none of: ${check.mustNotContain.map((needle) => JSON.stringify(needle)).join(", ")}.`
        : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}
process.exit(failed ? 1 : 0);
