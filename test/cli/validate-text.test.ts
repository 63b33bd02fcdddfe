// Text output of `structgen validate`, run in-process (no child process): drift is printed whether
// or not the value is valid, and a capped error list says how many errors were left out.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { command } from "../../generator/cli/validate.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-validate-text-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function validate(value: unknown, strict = false): Promise<{ code: number; out: string }> {
  const file = path.join(tmp, `v${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(value));
  let out = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const values = { type: "AdminGetUserResponse", strict, json: false, quiet: false, help: false, version: false };
  const code = await command.run({ values, positionals: [file] } as unknown as Parameters<typeof command.run>[0]);
  return { code, out: out.replaceAll(`${file}: `, "") };
}

describe("regression: text-mode validate printed valid without the drift it found", () => {
  it("prints drift lines under a valid verdict", async () => {
    const r = await validate({ Username: "alice", UserStatus: "NEW_STATUS", Extra: 1 });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'valid AdminGetUserResponse\n/UserStatus: drift: unknown value "NEW_STATUS"\n/Extra: drift: member no schema declares\n',
    );
  });

  it("prints drift beside errors, and strict mode reports it as errors", async () => {
    const loose = await validate({ Username: 1, Extra: 1 });
    expect(loose.code).toBe(1);
    expect(loose.out).toBe(
      "/Username: must be a string [INSTANCE_STRING_EXPECTED]\n/Extra: drift: member no schema declares\n",
    );
    const strict = await validate({ Username: 1, Extra: 1 }, true);
    expect(strict.out).toBe(
      "/Username: must be a string [INSTANCE_STRING_EXPECTED]\n/Extra: is not declared (strict mode) [INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED]\n",
    );
  });

  it("says how many errors were left out", async () => {
    const r = await validate({ Username: "a", UserMFASettingList: Array(150).fill(7) });
    expect(r.out.split("\n").filter((l) => l.includes("INSTANCE_STRING_EXPECTED"))).toHaveLength(100);
    expect(r.out).toContain("… and 50 more errors\n");
  });
});
