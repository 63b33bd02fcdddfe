// The bundled corpus: against itself nothing changes; against the same files reconciled with an
// older botocore model (test/fixtures/diff/botocore-older, see its SOURCE.md) the real differences
// between the two models show, EXTERNAL_PROVIDER among them.
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";
import type { Model } from "../../generator/ir/model.js";
import type { Change } from "../../generator/diff/change.js";
import { compareModels } from "../../generator/diff/compare.js";
import { FIXTURES, ROOT } from "./corpora.js";

/** The folder's corpus with the settings of the nearest config (its own, else the repository's). */
const build = async (dir: string): Promise<Model> => {
  const own = path.join(dir, "structgen.config.json");
  const config = existsSync(own) ? own : path.join(ROOT, "structgen.config.json");
  const [c] = await discoverCorpora(dir, { config });
  return buildModel(c!);
};

describe("the bundled corpus", () => {
  it("against itself (built twice, every evidence source) gives no change", async () => {
    const schemas = path.join(ROOT, "schemas");
    const [a, b] = [await build(schemas), await build(schemas)];
    expect(a.types.length).toBeGreaterThan(400);
    expect(compareModels(a, b)).toEqual([]);
  });
});

describe("the bundled corpus reconciled with an older botocore model", () => {
  let changes: Change[];
  beforeAll(async () => {
    // Both configs leave out the aws-sdk source: the installed SDK is current and lists what the older
    // model lacks (EXTERNAL_PROVIDER among it), so keeping it would hide those differences.
    changes = compareModels(
      await build(path.join(FIXTURES, "cognito-older")),
      await build(path.join(FIXTURES, "cognito-current")),
    );
  });
  const line = (c: Change) =>
    `${c.severity} ${c.subject} ${c.kind}${c.detail ? ` ${c.detail}` : ""} ${c.old ?? ""} → ${c.new ?? ""} ` +
    `[${c.direction}]`;

  it("shows the breaking changes and warnings, each judged by who uses the type", () => {
    const judged = changes.filter((c) => c.severity !== "safe").map(line);
    expect(judged).toEqual([
      "warning AllowedFirstAuthFactorsListType constraint-loosened maxItems 4 → 5 [both]",
      "breaking AttributeNameType pattern-changed pattern " +
        "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+ → [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+ [both]",
      "warning AuthFactorType enum-value-added  → SOFTWARE_TOKEN [both]",
      "breaking ClientSecretType constraint-tightened minLength 1 → 24 [both]",
      "breaking SmsConfigurationType.SnsCallerArn member-optional required → optional [both]",
      "warning SmsConfigurationType.SnsCallerArn constraint-loosened minLength 20 → 0 [both]",
      expect.stringMatching(
        /^breaking SmsConfigurationType\.SnsCallerArn pattern-changed pattern arn:.* → \(arn:.*\)\? \[both\]$/,
      ),
      // The corpus files lack it; the newer model adds it; readers of an open enum get a warning.
      "warning UserStatusType enum-value-added  → EXTERNAL_PROVIDER [read]",
    ]);
  });

  it("shows what the newer model added as safe: members, their types, operations, errors", () => {
    const safe = changes.filter((c) => c.severity === "safe");
    expect(safe.filter((c) => c.kind === "operation-added").map((c) => c.subject)).toHaveLength(16);
    expect(safe.filter((c) => c.kind === "operation-added").map((c) => c.subject)).toContain(
      "GetTokensFromRefreshToken()",
    );
    expect(safe.map(line)).toEqual(
      expect.arrayContaining([
        "safe SmsConfigurationType.SnsCallerArn type-changed ArnType → OptionalArnType [both]",
        "safe UserPoolType.KeyConfiguration member-added  → KeyConfigurationType, optional [read]",
        "safe CreateUserPoolRequest.KeyConfiguration member-added  → KeyConfigurationType, optional [write]",
        "safe KeyConfigurationType type-added  → object with 2 members [both]",
        "safe AdminGetUser() error-added  → OperationNotEnabledException [read]",
      ]),
    );
    expect(changes.filter((c) => c.kind.endsWith("-removed") && c.kind !== "error-removed")).toEqual([]);
    expect(changes.every((c) => c.direction !== "unknown")).toBe(true);
  });
});
