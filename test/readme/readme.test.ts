/**
 * Every code block of README.md and of the guides in docs/, checked as a user would paste it: TypeScript blocks
 * (```ts and ```tsx) typecheck under the project's strict settings against the built
 * package (`dist/`, resolved through package.json's `exports`), and follow the rules of
 * hooks. A block that assumes names from its surroundings declares them in a hidden prelude
 * (see codeBlocks.ts); nothing else is special-cased.
 *
 * When `dist/` is missing or older than `src/` (a fresh clone, before `npm run build`), the
 * blocks are checked against `src/`'s entry points instead (every one package.json exports),
 * which export the same names.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import reactHooks from "eslint-plugin-react-hooks";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { codeBlocksOf, type CodeBlock } from "./codeBlocks";

const ROOT = resolve(import.meta.dirname, "../..");
/** README.md, then every Markdown page of docs/: a user pastes from both. */
const PAGES = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];
const CHECKED = new Set(["ts", "tsx"]);
/** Blocks that are not TypeScript, shown as they are. */
const SHOWN_AS_IS = new Set(["text", "sh", "bash", "md"]);

type PageBlock = CodeBlock & { page: string };
const blocks: PageBlock[] = PAGES.flatMap((page) =>
  codeBlocksOf(readFileSync(join(ROOT, page), "utf8")).map((block) => ({ ...block, page })),
);
const typescriptBlocks = blocks.filter((block) => CHECKED.has(block.lang));
const where = (block: PageBlock) => `${block.page}:${block.line} (${block.heading})`;

/** A block becomes a module of its own, inside the package directory so its name resolves. */
function fileNameOf(block: PageBlock): string {
  const page = block.page.replace(/\.md$/, "").replace(/\//g, "-");
  return join(ROOT, ".readme-blocks", `${page}-line-${block.line}.${block.lang}`);
}

function sourceOf(block: PageBlock): string {
  return `${block.prelude}\n${block.code}\nexport {};\n`;
}

/** Prelude lines come first: a diagnostic's line in the block's own numbering. */
function readmeLine(block: PageBlock, fileLine: number): string {
  const preludeLines = block.prelude.split("\n").length;
  const line = fileLine - preludeLines;
  return line < 0 ? `prelude line ${fileLine + 1}` : `${block.page}:${block.line + line}`;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Every entry of package.json's `exports` a block may import, built and in source. A fresh
 * clone has no `dist/`: an entry missing here fails there with TS2307 and nowhere else.
 */
const ENTRIES: Record<string, { built: string; source: string }> = {
  "epcc-react-hooks": { built: "dist/index.d.ts", source: "src/index.ts" },
  "epcc-react-hooks/queries": { built: "dist/queries.d.ts", source: "src/queries.ts" },
  "epcc-react-hooks/testing": { built: "dist/testing/index.d.ts", source: "src/testing/index.ts" },
};

/** The built package when it is there and current, else the sources of its entry points. */
function packageUnderCheck(): { against: string; paths?: Record<string, string[]> } {
  const declarations = Object.values(ENTRIES).map(({ built }) => join(ROOT, built));
  try {
    const built = Math.min(...declarations.map((file) => statSync(file).mtimeMs));
    if (built >= newestMtime(join(ROOT, "src"))) return { against: "dist/" };
  } catch {
    // not built yet
  }
  return {
    against: "src/ (dist/ is missing or older)",
    paths: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, { source }]) => [name, [join(ROOT, source)]]),
    ),
  };
}

function compilerOptions(paths: Record<string, string[]> | undefined): ts.CompilerOptions {
  const { config } = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return {
    ...options,
    strict: true,
    noEmit: true,
    // Browser code: no Node or Vite globals unless a block's prelude references them.
    types: [],
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    ...(paths ? { paths } : {}),
  };
}

const checked = packageUnderCheck();

/** One program for every block: the libraries' types are read once. */
function typecheck(): Map<string, string[]> {
  const sources = new Map(typescriptBlocks.map((block) => [fileNameOf(block), sourceOf(block)]));
  const options = compilerOptions(checked.paths);
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => sources.has(file) || fileExists(file);
  host.readFile = (file) => sources.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = sources.get(file);
    return text === undefined
      ? getSourceFile(file, language, ...rest)
      : ts.createSourceFile(file, text, language, true);
  };
  const program = ts.createProgram([...sources.keys()], options, host);
  const problems = new Map<string, string[]>();
  for (const block of typescriptBlocks) {
    const file = program.getSourceFile(fileNameOf(block))!;
    const diagnostics = [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ];
    problems.set(
      fileNameOf(block),
      diagnostics.map((diagnostic) => {
        const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
        return `${readmeLine(block, line)}: TS${diagnostic.code} ${message}`;
      }),
    );
  }
  return problems;
}

/** Rules of hooks: a hook called at a module's top level or in a plain function type-checks fine. */
async function lintHooks(): Promise<Map<string, string[]>> {
  const config: Linter.Config[] = [
    {
      files: ["**/*.ts", "**/*.tsx"],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
      plugins: { "react-hooks": reactHooks as unknown as ESLint.Plugin },
      rules: { "react-hooks/rules-of-hooks": "error" },
    },
  ];
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  const problems = new Map<string, string[]>();
  for (const block of typescriptBlocks) {
    const [result] = await eslint.lintText(sourceOf(block), { filePath: fileNameOf(block) });
    problems.set(
      fileNameOf(block),
      (result?.messages ?? []).map(
        (message) => `${readmeLine(block, message.line - 1)}: ${message.message}`,
      ),
    );
  }
  return problems;
}

describe(`README.md's and docs/'s code blocks, against ${checked.against}`, () => {
  let typeProblems: Map<string, string[]>;
  let hookProblems: Map<string, string[]>;
  beforeAll(async () => {
    typeProblems = typecheck();
    hookProblems = await lintHooks();
  }, 60_000);

  it("name a language this check knows (ts and tsx are checked, sh, bash, md and text are shown as is)", () => {
    const unknown = blocks
      .filter((block) => !CHECKED.has(block.lang) && !SHOWN_AS_IS.has(block.lang))
      .map((block) => `${where(block)}: \`\`\`${block.lang || "(no language)"}`);
    expect(unknown).toEqual([]);
  });

  it("map every entry package.json exports, so a fresh clone (no dist/) resolves them all", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      exports: Record<string, unknown>;
    };
    const exported = Object.keys(manifest.exports)
      .filter((entry) => entry !== "./package.json")
      .map((entry) => `epcc-react-hooks${entry.slice(1)}`);
    expect(Object.keys(ENTRIES).sort()).toEqual(exported.sort());
  });

  it("find TypeScript blocks to check, in the README and in docs/", () => {
    expect(typescriptBlocks.length).toBeGreaterThan(10);
    expect(PAGES.length).toBeGreaterThan(1);
    expect(typescriptBlocks.filter((block) => block.page === "README.md").length).toBeGreaterThan(
      2,
    );
  });

  it.each(typescriptBlocks.map((block) => [where(block), block] as const))(
    "%s: typechecks and follows the rules of hooks",
    (_, block) => {
      const jsx = block.lang === "ts" && holdsJsx(block.code);
      expect(jsx ? [`${where(block)} holds JSX: mark it \`\`\`tsx`] : []).toEqual([]);
      expect(typeProblems.get(fileNameOf(block))).toEqual([]);
      expect(hookProblems.get(fileNameOf(block))).toEqual([]);
    },
  );
});

function holdsJsx(code: string): boolean {
  const file = ts.createSourceFile(
    "block.tsx",
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) {
      found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
