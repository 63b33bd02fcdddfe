// Replay: the contract checked from recorded live responses, without a server.
// Re-record with `STRUCTGEN_RECORD=1 npm run test:contract`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContract } from "../../generator/contract/index.js";

const DIR = path.resolve("test/fixtures/live");
const records = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({
    file: f,
    ...(JSON.parse(readFileSync(path.join(DIR, f), "utf8")) as {
      type: string;
      status: number;
      response: Record<string, unknown>;
    }),
  }));

describe("recorded live responses", () => {
  it("are there, redacted", () => {
    expect(records.length).toBeGreaterThanOrEqual(15);
    const text = records.map((r) => JSON.stringify(r.response)).join("\n");
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no JWTs
  });

  it.each(records.map((r) => [r.file, r] as const))(
    "%s satisfies its contract in default and strict mode",
    (_file, r) => {
      expect(checkContract(r.response, r.type).errors).toEqual([]);
      expect(checkContract(r.response, r.type, { strict: true }).errors).toEqual([]);
    },
  );

  it("fails the contract when a recorded response is broken", () => {
    const r = records.find((x) => x.type === "AdminGetUserResponse")!;
    const broken = { ...r.response, UserCreateDate: "yesterday", UserStatus: 42 };
    const result = checkContract(broken, r.type);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.pointer).sort()).toEqual(["/UserCreateDate", "/UserStatus"]);
  });
});
