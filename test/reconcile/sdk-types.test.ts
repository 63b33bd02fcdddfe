// The SDK views against the real AWS SDK v3 declarations, checked by tsc: what the SDK returns is
// assignable to the generated SDK view, and strict SDK-view values are assignable to the SDK's
// types. A negative fixture shows the check can fail: the wire view (epoch-seconds numbers) is
// not the SDK's (Date).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
const FIXTURES = path.join(ROOT, "test/fixtures/sdk-types");

interface Run {
  code: number | null;
  output: string;
}

function tsc(file: string): Promise<Run> {
  const args = [
    TSC,
    "--noEmit",
    "--strict",
    "--module",
    "NodeNext",
    "--moduleResolution",
    "NodeNext",
    "--target",
    "ES2022",
    "--skipLibCheck",
    "--pretty",
    "false",
    file,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The fixture's code after its imports: where a cast would hide a mismatch. */
function body(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\/.*$/gm, "")
    .replace(/import\s+type[\s\S]*?from\s+"[^"]+";/g, "");
}

describe("SDK views and the AWS SDK v3 types (tsc --strict)", () => {
  const positive = path.join(FIXTURES, "assignability.ts");
  const negative = path.join(FIXTURES, "wire-is-not-sdk.ts");

  it("the fixtures assign without casts", () => {
    for (const f of [positive, negative]) {
      const code = body(f);
      expect(code).toMatch(/export const \w+: [\w.<>", ]+ = \w+;/);
      expect(code).not.toMatch(/\bas\b|<[A-Za-z.]+>\s*\w|\bany\b|@ts-/);
    }
  });

  it("SDK outputs → SDK view, and strict SDK view → SDK types: compiles", async () => {
    const r = await tsc(positive);
    expect(r.output).toBe("");
    expect(r.code).toBe(0);
  });

  it("the open wire view is not the SDK type: fails on the timestamp member (number vs Date)", async () => {
    const r = await tsc(negative);
    expect(r.code).not.toBe(0);
    const errors = r.output.split("\n").filter((l) => /error TS\d+/.test(l));
    // One error per assignment in the fixture, both on the timestamp member.
    expect(errors).toHaveLength(2);
    expect(
      errors.every((l) => l.startsWith("test/fixtures/sdk-types/wire-is-not-sdk.ts(") && l.includes("TS2322")),
    ).toBe(true);
    expect(r.output).toContain("Types of property 'UserCreateDate' are incompatible.");
    expect(r.output).toContain("Type 'number' is not assignable to type 'Date'.");
  });
});
