// Shared by the hostile-input tests: the real CLI, byte-exact folder snapshots, and checks that
// generated TypeScript, JavaScript and Markdown hold nothing but what they should.
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { MANIFEST, manifestText, sha256, type Manifest } from "../../generator/write/manifest.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = path.join(ROOT, "bin", "structgen.js");
export const FIXTURES = path.join(ROOT, "test", "fixtures", "hostile");

/** A fresh folder inside the repository (.scratch/ is git-ignored); the caller removes it. */
export function repoTemp(prefix: string): string {
  const base = path.join(ROOT, ".scratch");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(path.join(base, `${prefix}-`));
}

/** The CLI needs dist/; build it once when a test file runs before `npm run build`. */
export function ensureBuilt(): void {
  if (existsSync(path.join(ROOT, "dist", "cli", "main.js"))) return;
  const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
  if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}\n${b.stderr}`);
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node bin/structgen.js …` without colour or debug stacks; a timeout kills it (status null). */
export function cli(args: string[], opts: { cwd?: string; timeout?: number } = {}): CliResult {
  const t0 = performance.now();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", STRUCTGEN_DEBUG: "" },
    timeout: opts.timeout ?? 60_000,
    killSignal: "SIGKILL",
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
    ms: performance.now() - t0,
  };
}

/** The same, asynchronously (a test can watch the file system while it runs). */
export function cliAsync(
  args: string[],
  opts: { cwd?: string; nodeArgs?: string[] } = {},
): { child: ReturnType<typeof spawn>; done: Promise<CliResult> } {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", STRUCTGEN_DEBUG: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<CliResult>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr, ms: performance.now() - t0 })),
  );
  return { child, done };
}

/**
 * Object.prototype, Array.prototype, Function.prototype and the global object's own names, as
 * text: equal before and after proves nothing was added, removed or replaced there.
 */
export function globalsSnapshot(): string {
  const describe = (o: object) =>
    Reflect.ownKeys(o)
      .map((k) => {
        const d = Object.getOwnPropertyDescriptor(o, k)!;
        return `${String(k)}:${"value" in d ? typeof d.value : "accessor"}`;
      })
      .sort()
      .join(",");
  return [
    describe(Object.prototype),
    describe(Array.prototype),
    describe(Function.prototype),
    Object.getOwnPropertyNames(globalThis).sort().join(","),
  ].join("\n");
}

/** A line of a stack trace, as Node prints them. */
export const STACK_LINE = /^ {4}at /m;

/** Every file and folder below `dir`: relative path → base64 bytes, or "<dir>". */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out[`${r}/`] = "<dir>";
        walk(r);
      } else out[r] = readFileSync(path.join(dir, r)).toString("base64");
    }
  };
  walk("");
  return out;
}

/** A previous output folder with recognisable content, to prove it is left exactly as it was. */
export function plantPreviousOutput(dir: string): Record<string, string> {
  mkdirSync(path.join(dir, "docs", "types"), { recursive: true });
  writeFileSync(
    path.join(dir, "types.ts"),
    "// the previous output: must survive byte for byte\nexport type Previous = 1;\n",
  );
  writeFileSync(path.join(dir, "validators.js"), "export const previous = true;\r\n\u2028");
  writeFileSync(path.join(dir, "docs", "types", "Previous.md"), "# Previous\n");
  writeFileSync(path.join(dir, "schema.json"), Buffer.from([0x7b, 0x7d, 0x0a, 0x00, 0xff]));
  // A previous run's output: its manifest says structgen wrote these files (so it may replace them).
  const files = ["types.ts", "validators.js", "docs/types/Previous.md", "schema.json"];
  const manifest: Manifest = {
    format: 1,
    corpus: path.basename(dir),
    files: Object.fromEntries(files.sort().map((f) => [f, sha256(readFileSync(path.join(dir, f)))])),
  };
  writeFileSync(path.join(dir, MANIFEST), manifestText(manifest));
  return snapshot(dir);
}

/** Copies a fixture corpus (test/fixtures/hostile/<name>) to `to`, files created in reverse order. */
export function copyCorpus(name: string, to: string): string {
  const from = path.join(FIXTURES, name);
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from).sort().reverse()) {
    if (statSync(path.join(from, f)).isFile()) writeFileSync(path.join(to, f), readFileSync(path.join(from, f)));
  }
  return to;
}

// ---------------------------------------------------------------------------------------------
// Generated TypeScript: it parses, and declares exactly the expected exports and nothing else.

export function syntaxErrors(fileName: string, text: string, kind = ts.ScriptKind.TS): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const host: ts.CompilerHost = {
    getSourceFile: (f) => (f === fileName ? sf : undefined),
    getDefaultLibFileName: () => "lib.d.ts",
    writeFile: () => undefined,
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (f) => f === fileName,
    readFile: () => undefined,
  };
  const program = ts.createProgram([fileName], { noLib: true, noResolve: true, allowJs: true }, host);
  return program.getSyntacticDiagnostics(sf).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

export interface TsShape {
  /** Exported names, in order. */
  exports: string[];
  /** Statements that are neither a type, an interface, an import, nor (in .d.ts) a declaration. */
  unexpected: string[];
  /** Every JSDoc tag name used anywhere. */
  tags: Set<string>;
}

/** What a generated .ts/.d.ts declares: exported names, statements that should not be there, JSDoc tags. */
export function tsShape(fileName: string, text: string): TsShape {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const exports: string[] = [];
  const unexpected: string[] = [];
  const tags = new Set<string>();
  const exported = (s: ts.Statement) =>
    (ts.canHaveModifiers(s) ? (ts.getModifiers(s) ?? []) : []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const declared = (s: ts.Statement) =>
    (ts.canHaveModifiers(s) ? (ts.getModifiers(s) ?? []) : []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
  const dts = fileName.endsWith(".d.ts");
  for (const s of sf.statements) {
    if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) {
      if (exported(s)) exports.push(s.name.text);
    } else if (ts.isImportDeclaration(s) && s.importClause?.isTypeOnly) {
      // import type { … } from "./types.js": brings in nothing at run time.
    } else if (ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) exports.push(e.name.text);
    } else if (dts && declared(s) && (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) {
      if (exported(s)) exports.push(s.name.text);
    } else if (dts && declared(s) && ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations)
        if (ts.isIdentifier(d.name) && exported(s)) exports.push(d.name.text);
    } else {
      unexpected.push(`${ts.SyntaxKind[s.kind]}: ${s.getText(sf).slice(0, 120)}`);
    }
  }
  const visit = (n: ts.Node): void => {
    for (const doc of ts.getJSDocCommentsAndTags(n)) {
      if (ts.isJSDoc(doc)) for (const t of doc.tags ?? []) tags.add(t.tagName.text);
      else tags.add(doc.tagName.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { exports, unexpected, tags };
}

// ---------------------------------------------------------------------------------------------
// Markdown: raw HTML outside code is never produced from schema text.

/** The Markdown without its banner comment, fenced code blocks and code spans. */
export function markdownOutsideCode(md: string): string {
  // Fenced blocks: from a line opening with ``` or ~~~ to a line closing with at least as many.
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of md.replace(/^<!-- [^\n]*? -->\n/, "").split("\n")) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && m) fence = m[1]!;
    else if (fence !== undefined) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = undefined;
    } else kept.push(line);
  }
  const text = kept.join("\n");
  // Code spans: a run of N backticks up to the next run of exactly N (CommonMark), or left alone.
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === "\\" && i + 1 < text.length) {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (text[i] !== "`") {
      out += text[i];
      i++;
      continue;
    }
    let n = 0;
    while (text[i + n] === "`") n++;
    const close = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, "g");
    close.lastIndex = i + n;
    const m = close.exec(text);
    if (!m) {
      out += text.slice(i, i + n);
      i += n;
    } else {
      out += " ";
      i = m.index + n;
    }
  }
  return out;
}
