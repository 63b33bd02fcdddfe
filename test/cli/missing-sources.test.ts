// `reconcile` and `generate` where configured evidence is absent (as outside this repository): each
// says which source is missing or read from recorded facts, and goes on with the others.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACTS_COMMENT } from "../../generator/reconcile/sources/aws-sdk-facts.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin", "structgen.js");
const PACKAGE = "@aws-sdk/client-dynamodb";

let tmp: string;
let schemas: string;

function cli(args: string[]): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmp,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return r;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-missing-"));
  schemas = path.join(tmp, "schemas");
  cpSync(path.join(ROOT, "test/fixtures/reconcile-other"), schemas, { recursive: true });
  const config = JSON.parse(readFileSync(path.join(schemas, "structgen.config.json"), "utf8")) as {
    corpora: Record<string, { sources: unknown[] }>;
  };
  config.corpora["dynamodb-slice"]!.sources.push(
    { id: "aws-sdk", kind: "aws-sdk", package: PACKAGE, facts: "sources/aws-sdk.facts.json" },
    { id: "recorded", kind: "recorded", path: "recordings", optional: true },
  );
  writeFileSync(path.join(schemas, "structgen.config.json"), JSON.stringify(config, null, 2));
  const at = (line: number) => ({
    file: `${PACKAGE}/dist-types/models/models_0.d.ts`,
    pointer: "/DescribeTableOutput",
    line,
    column: 1,
  });
  const shapes = [
    { name: "DescribeTableOutput", kind: "object", at: at(10), doc: "<p>Represents the output.</p>", members: {} },
  ];
  writeFileSync(
    path.join(schemas, "sources", "aws-sdk.facts.json"),
    JSON.stringify({ $comment: FACTS_COMMENT, package: PACKAGE, version: "3.0.0", shapes }),
  );
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const FACTS_LINE =
  `warning SOURCE_FACTS_USED: evidence source aws-sdk: package ${PACKAGE} is not installed; ` +
  `using the facts recorded from ${PACKAGE} 3.0.0 in sources/aws-sdk.facts.json`;
const SKIPPED_LINE =
  "warning SOURCE_SKIPPED: optional evidence source recorded skipped: no file or folder at recordings";

describe("missing evidence sources on the command line", () => {
  it("reconcile names the source read from facts and the one skipped, then reports with the rest", () => {
    const r = cli(["reconcile", "--config", path.join(schemas, "structgen.config.json")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(FACTS_LINE);
    expect(r.stderr).toContain(SKIPPED_LINE);
    expect(r.stdout).toMatch(
      /^dynamodb-slice: \d+ disagreements, \d+ decisions \(sources: json-structure, botocore, aws-sdk\)/m,
    );
  });

  it("generate does the same and writes the corpus", () => {
    const r = cli([
      "generate",
      "--config",
      path.join(schemas, "structgen.config.json"),
      "--out",
      path.join(tmp, "out"),
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(FACTS_LINE);
    expect(r.stderr).toContain(SKIPPED_LINE);
    expect(r.stdout).toMatch(/^dynamodb-slice: \d+ types, \d+ files in \S+ \(\d+ written/m);
  });
});
