// A consumer project set up as a user would: structgen's `npm pack` tarball installed offline (an
// empty npm cache; structgen's dependencies and the dev tools linked from this repo's node_modules),
// its own corpus and structgen.config.json from test/fixtures/consumer, output in src/generated,
// `structgen check` as its prebuild, a plain tsc build under NodeNext and Bundler, and the built
// code run. The "ts" flavour is the one plain tsc can build; the "js" flavour's failure is shown.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT } from "../cli/helpers.js";

const FIXTURE = path.join(ROOT, "test", "fixtures", "consumer");
/** Tools the consumer has as dev dependencies, besides structgen's own dependencies. */
const DEV_TOOLS = ["typescript", "vitest"];

let work: string;
let project: string;
/** npm and npx never reach a registry: offline, with a cache of their own. */
let npmEnv: Record<string, string>;

function run(command: string, args: string[], cwd = project): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...npmEnv, NO_COLOR: "1", FORCE_COLOR: undefined },
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return r;
}
const output = (r: SpawnSyncReturns<string>): string => `${r.stdout}${r.stderr}`;

function setFlavour(flavour: "js" | "ts"): void {
  const file = path.join(project, "structgen.config.json");
  const config = JSON.parse(readFileSync(file, "utf8")) as { validators: { flavour: string } };
  config.validators.flavour = flavour;
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  for (const d of ["dist", "dist-bundler"]) rmSync(path.join(project, d), { recursive: true, force: true });
}

const generated = (): string[] => readdirSync(path.join(project, "src", "generated", "library")).sort();

/**
 * tsc over src, test and bad (tsconfig.check.json) reports exactly one error: the misspelt name in
 * bad/nope.ts. test/library.spec.ts passes "Bok" to toMatchContract under @ts-expect-error, which
 * would itself be an error (TS2578) if the matcher took any string.
 */
function expectOnlyNopeError(): void {
  const r = run("npx", ["tsc", "-p", "tsconfig.check.json"]);
  expect(r.status).toBe(2);
  expect(r.stdout.trim().split("\n")).toEqual([
    `bad/nope.ts(4,42): error TS2345: Argument of type '"Nope"' is not assignable to parameter of type 'ContractType'.`,
  ]);
}

/** What src/main.ts prints when the generated code works. */
const EXPECTED = {
  valid: true,
  badIsbn: ["/isbn"],
  loan: true,
  assert: expect.stringMatching(/Book/),
  contract: true,
  drift: ["/signed"],
  expect: expect.stringMatching(/does not match the Book contract/),
  misspelt: 'unknown contract type "Bok" in the library corpus; did you mean Book?',
  rootTypes: ["Book", "Loan"],
};

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(path.join(tmpdir(), "structgen-consumer-"));
  npmEnv = {
    npm_config_cache: path.join(work, "npm-cache"),
    npm_config_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  const pack = run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", work], ROOT);
  expect(pack.status, output(pack)).toBe(0);
  const tarball = path.join(work, pack.stdout.trim().split("\n").pop()!);
  project = path.join(work, "library-consumer");
  cpSync(FIXTURE, project, { recursive: true });
  const own = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: object };
  const pkgFile = path.join(project, "package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as Record<string, unknown>;
  const links = [...Object.keys(own.dependencies), ...DEV_TOOLS];
  pkg["devDependencies"] = Object.fromEntries(
    links.map((n) => [n, `file:${realpathSync(path.join(ROOT, "node_modules", n))}`]),
  );
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
  const install = run("npm", ["install", "--ignore-scripts", "--no-package-lock", "--save-dev", tarball]);
  expect(install.status, output(install)).toBe(0);
  expect(existsSync(path.join(project, "node_modules", ".bin", "structgen"))).toBe(true);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('with validators.flavour "js"', () => {
  it("generates from structgen.config.json alone, and `check` as prebuild lets tsc build", () => {
    setFlavour("js");
    const gen = run("npx", ["structgen", "generate"]);
    expect(gen.status, output(gen)).toBe(0);
    expect(gen.stdout).toMatch(/^library: 4 types, \d+ files in src\/generated\/library/m);
    expect(generated()).toEqual(expect.arrayContaining(["contract.d.ts", "contract.js", "types.ts", "validators.js"]));
    const build = run("npm", ["run", "build"]);
    expect(build.status, output(build)).toBe(0);
    expect(build.stdout).toContain("> structgen check");
    expect(build.stdout).toContain("library: up to date");
    expect(existsSync(path.join(project, "dist", "main.js"))).toBe(true);
  });

  it("plain tsc does not copy the generated .js files: the built code fails with ERR_MODULE_NOT_FOUND", () => {
    // Why the "ts" flavour exists: tsc emits only what it compiles from .ts, and validators.js and
    // contract.js are inputs it reads types for (from their .d.ts), never outputs it writes.
    expect(readdirSync(path.join(project, "dist", "generated", "library"))).not.toContain("validators.js");
    const r = run(process.execPath, ["dist/main.js"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("ERR_MODULE_NOT_FOUND");
    expect(r.stderr).toContain(path.join("dist", "generated", "library", "validators.js"));
  });

  it("a stale output stops the build in prebuild, before tsc runs", () => {
    const schema = path.join(project, "schemas", "library", "book.json");
    const before = readFileSync(schema, "utf8");
    rmSync(path.join(project, "dist"), { recursive: true, force: true });
    try {
      writeFileSync(schema, before.replace('"pages":', '"edition": { "type": "int32" },\n    "pages":'));
      const build = run("npm", ["run", "build"]);
      expect(build.status).not.toBe(0);
      expect(output(build)).toMatch(/library/);
      expect(existsSync(path.join(project, "dist"))).toBe(false);
    } finally {
      writeFileSync(schema, before);
    }
  });

  it('type names are checked: checkContract(x, "Nope") fails tsc, and so would toMatchContract("Bok")', () => {
    expectOnlyNopeError();
  });

  it("the consumer's own Vitest suite registers its corpus with useContract and uses toMatchContract", () => {
    const vitest = run("npx", ["vitest", "run"]);
    expect(vitest.status, output(vitest)).toBe(0);
    expect(vitest.stdout).toMatch(/Tests\s+2 passed/);
  });
});

describe('with validators.flavour "ts"', () => {
  it("builds with plain tsc under NodeNext and Bundler, and the built code validates and uses the contract", (ctx) => {
    setFlavour("ts");
    const gen = run("npx", ["structgen", "generate"]);
    // Only this exact refusal skips: a structgen whose validators emitter has no "ts" flavour yet.
    const unsupported = 'CONFIG_UNSUPPORTED: validators flavour "ts" is not available in this build';
    if (gen.status !== 0 && gen.stderr.includes(unsupported)) {
      ctx.skip(`NOT RUN: ${unsupported} (the validators emitter with flavours has not landed on this branch)`);
    }
    expect(gen.status, output(gen)).toBe(0);
    expect(generated()).toEqual(expect.arrayContaining(["contract.ts", "types.ts", "validators.ts"]));
    expect(generated().filter((f) => f.endsWith(".js"))).toEqual([]);

    const build = run("npm", ["run", "build"]);
    expect(build.status, output(build)).toBe(0);
    expect(build.stdout).toContain("library: up to date");
    const node = run(process.execPath, ["dist/main.js"]);
    expect(node.status, output(node)).toBe(0);
    expect(JSON.parse(node.stdout)).toEqual(EXPECTED);

    const bundler = run("npx", ["tsc", "-p", "tsconfig.bundler.json"]);
    expect(bundler.status, output(bundler)).toBe(0);
    const built = run(process.execPath, ["dist-bundler/main.js"]);
    expect(built.status, output(built)).toBe(0);
    expect(JSON.parse(built.stdout)).toEqual(EXPECTED);

    expectOnlyNopeError();
  });
});
