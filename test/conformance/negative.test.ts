// Instances that break the primer samples in ways the vendored conformance cases do not cover,
// through the real CLI: `node bin/structgen.js validate --schemas <sample corpus> [--type T] FILE`.
// Each fixture under negative/<sample>/ is the sample's valid.json with one thing broken; it must
// exit 1 and name the expected code at the expected pointer, and valid.json must exit 0.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFORMANCE, loadSamples, writeSampleCorpus, type Sample } from "./samples.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin", "structgen.js");
const FIXTURES = path.join(CONFORMANCE, "negative");

interface Case {
  sample: string;
  file: string;
  /** What is broken, as the issue lists it. */
  what: string;
  pointer: string;
  code: string;
}

const CASES: Case[] = [
  {
    sample: "core-01-basic-person",
    file: "wrong-type.json",
    what: "a wrong type (a number for a string)",
    pointer: "/firstName",
    code: "INSTANCE_STRING_EXPECTED",
  },
  {
    sample: "core-01-basic-person",
    file: "missing-required.json",
    what: "a missing required member",
    pointer: "/email",
    code: "INSTANCE_REQUIRED_PROPERTY_MISSING",
  },
  {
    sample: "core-01-basic-person",
    file: "bad-date.json",
    what: "a date that does not exist (2023-02-30)",
    pointer: "/dateOfBirth",
    code: "INSTANCE_DATE_FORMAT_INVALID",
  },
  {
    sample: "core-01-basic-person",
    file: "int8-out-of-range.json",
    what: "128 for an int8",
    pointer: "/age",
    code: "INSTANCE_NUMBER_MAXIMUM",
  },
  {
    sample: "core-03-financial-types",
    file: "int64-as-number.json",
    what: "an int64 given as a JSON number",
    pointer: "/globalSequenceNumber",
    code: "INSTANCE_STRING_EXPECTED",
  },
  {
    sample: "core-03-financial-types",
    file: "int64-out-of-range.json",
    what: "an int64 string one past the maximum",
    pointer: "/globalSequenceNumber",
    code: "INSTANCE_INT_RANGE_INVALID",
  },
  {
    sample: "core-03-financial-types",
    file: "decimal-scale-exceeded.json",
    what: "a decimal with more fraction digits than its scale (2)",
    pointer: "/subtotal/amount",
    code: "INSTANCE_STRING_PATTERN_MISMATCH",
  },
  {
    sample: "core-04-datetime-examples",
    file: "uuid-invalid.json",
    what: "a uuid one digit short",
    pointer: "/id",
    code: "INSTANCE_UUID_FORMAT_INVALID",
  },
  {
    sample: "core-06-tuples",
    file: "tuple-too-long.json",
    what: "a tuple with one element too many",
    pointer: "/dataPoints/0/location",
    code: "INSTANCE_TUPLE_ADDITIONAL_ITEMS",
  },
  {
    sample: "core-06-tuples",
    file: "tuple-too-short.json",
    what: "a tuple with one element too few",
    pointer: "/dataPoints/0/measurements/0",
    code: "INSTANCE_MIN_ITEMS",
  },
  {
    sample: "core-06-tuples",
    file: "uint8-out-of-range.json",
    what: "300 for a uint8 tuple element",
    pointer: "/dataPoints/0/visualColor/0",
    code: "INSTANCE_NUMBER_MAXIMUM",
  },
  {
    sample: "core-09-extensions",
    file: "missing-inherited-required.json",
    what: "a required member inherited through $extends from an abstract base",
    pointer: "/cars/0/vin",
    code: "INSTANCE_REQUIRED_PROPERTY_MISSING",
  },
  {
    sample: "core-10-discriminated-unions",
    file: "tagged-unknown-option.json",
    what: "an unknown tag in a tagged choice",
    pointer: "/paymentMethod/crypto",
    code: "INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED",
  },
  {
    sample: "core-10-discriminated-unions",
    file: "inline-unknown-option.json",
    what: "an unknown selector value in an inline choice",
    pointer: "/notification/notificationType",
    code: "INSTANCE_ENUM_MISMATCH",
  },
  {
    sample: "core-10-discriminated-unions",
    file: "inline-option-member-missing.json",
    what: "an inline choice missing a member its option requires",
    pointer: "/notification/phoneNumber",
    code: "INSTANCE_REQUIRED_PROPERTY_MISSING",
  },
  {
    sample: "core-11-sets-and-maps",
    file: "set-duplicates.json",
    what: "a set with a duplicate",
    pointer: "/memberIds",
    code: "INSTANCE_SET_DUPLICATE",
  },
  {
    sample: "import-02-namespace-import",
    file: "uint8-out-of-range.json",
    what: "300 for a uint8 in a type imported into a namespace",
    pointer: "/payment/paymentMethod/expiryMonth",
    code: "INSTANCE_NUMBER_MAXIMUM",
  },
  {
    sample: "import-02-namespace-import",
    file: "imported-enum-mismatch.json",
    what: "a value outside an imported type's enum",
    pointer: "/customer/address/country",
    code: "INSTANCE_ENUM_MISMATCH",
  },
];

/** Samples validated without --type: the corpus has one root type, which the CLI picks. */
const DEFAULT_TYPE = new Set(["core-01-basic-person"]);

const samples = new Map(loadSamples().map((s) => [s.corpus, s]));
const fixtureSamples = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
let tmp: string;
const corpusDir = new Map<string, string>();

beforeAll(() => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) {
    const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
    if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}\n${b.stderr}`);
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-negative-"));
  // The sample's schema files only (and an import sample's libraries): examples are not schemas.
  for (const name of fixtureSamples) corpusDir.set(name, writeSampleCorpus(samples.get(name)!, path.join(tmp, name)));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", STRUCTGEN_DEBUG: "" },
      timeout: 60_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

function validate(sample: Sample, file: string): Promise<Run> {
  const type = DEFAULT_TYPE.has(sample.corpus) ? [] : ["--type", sample.rootType];
  return cli([
    "validate",
    "--schemas",
    corpusDir.get(sample.corpus)!,
    ...type,
    path.join(FIXTURES, sample.corpus, file),
  ]);
}

const ISSUE_LINE = /^(.+): (\/\S*): (.+) \[([A-Z_0-9]+)\]$/;

function issues(stdout: string): { pointer: string; code: string }[] {
  return stdout
    .split("\n")
    .map((l) => ISSUE_LINE.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pointer: m[2]!, code: m[4]! }));
}

describe("negative instances of the primer samples, through the CLI", () => {
  it("every fixture is in the table, and every sample has a valid.json", () => {
    for (const name of fixtureSamples) {
      expect(samples.has(name), `negative/${name} names no primer sample`).toBe(true);
      const files = readdirSync(path.join(FIXTURES, name))
        .filter((f) => f.endsWith(".json"))
        .sort();
      expect(files).toContain("valid.json");
      expect(files.filter((f) => f !== "valid.json")).toEqual(
        CASES.filter((c) => c.sample === name)
          .map((c) => c.file)
          .sort(),
      );
    }
  });

  for (const name of fixtureSamples) {
    it.concurrent(`${name}/valid.json exits 0`, async () => {
      const r = await validate(samples.get(name)!, "valid.json");
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/: valid \w+\n$/);
      expect(r.status, r.stdout).toBe(0);
    });
  }

  for (const c of CASES) {
    it.concurrent(`${c.sample}/${c.file}: ${c.what} → ${c.code} at ${c.pointer}`, async () => {
      const r = await validate(samples.get(c.sample)!, c.file);
      expect(r.stderr).toBe("");
      expect(r.status, r.stdout).toBe(1);
      expect(issues(r.stdout), r.stdout).toContainEqual({ pointer: c.pointer, code: c.code });
    });
  }
});
