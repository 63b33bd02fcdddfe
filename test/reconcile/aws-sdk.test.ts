import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import type { Evidence, ShapeClaim, SourceInfo } from "../../generator/reconcile/evidence.js";
import { loadAwsSdk } from "../../generator/reconcile/sources/aws-sdk.js";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PACKAGE = "@aws-sdk/client-cognito-identity-provider";
const FILE = (f: string) => `${PACKAGE}/dist-types/models/${f}`;
const SOURCE: SourceInfo = {
  id: "aws-sdk",
  kind: "aws-sdk",
  description: "AWS SDK for JavaScript v3 declarations (cognito-idp)",
};

let ev: Evidence;
let ms = 0;
beforeAll(async () => {
  const t0 = performance.now();
  ev = await loadAwsSdk(SOURCE, path.join(ROOT, "node_modules", PACKAGE));
  ms = performance.now() - t0;
});
const shape = (name: string): ShapeClaim => {
  const s = ev.shapes.get(name);
  if (!s) throw new Error(`no shape ${name}`);
  return s;
};

describe("loadAwsSdk: the Cognito client's declarations", () => {
  it("reads the package quickly (no type checking)", () => {
    console.log(`loadAwsSdk: ${ev.shapes.size} shapes in ${ms.toFixed(0)} ms`);
    expect(ev.source).toBe(SOURCE);
    expect(ev.shapes.size).toBeGreaterThan(400);
  });

  it("reads enums from the const objects: their values, under the shape's name", () => {
    const us = shape("UserStatusType");
    expect(us.kind).toBe("enum");
    expect(us.enum).toHaveLength(8);
    expect(us.enum).toEqual(
      expect.arrayContaining([
        "UNCONFIRMED",
        "CONFIRMED",
        "ARCHIVED",
        "COMPROMISED",
        "UNKNOWN",
        "RESET_REQUIRED",
        "FORCE_CHANGE_PASSWORD",
        "EXTERNAL_PROVIDER",
      ]),
    );
    expect(us.at).toMatchObject({ file: FILE("enums.d.ts"), pointer: "/UserStatusType", column: 1 });
    expect(us.at!.line).toBeGreaterThan(1);
    expect(shape("UserPoolMfaType").enum).toEqual(["OFF", "ON", "OPTIONAL"]);
    // Values, not keys: RecoveryOptionNameType's are lower case.
    expect(shape("RecoveryOptionNameType").enum).toEqual(["admin_only", "verified_email", "verified_phone_number"]);
  });

  it("reads interfaces as objects: required from `?`, kinds and shapes from the member types", () => {
    const r = shape("AdminGetUserResponse");
    expect(r.kind).toBe("object");
    expect(r.doc).toMatch(/^<p>Represents the response from the server/);
    const m = r.members!;
    expect(Object.keys(m)).toEqual([
      "Username",
      "UserAttributes",
      "UserCreateDate",
      "UserLastModifiedDate",
      "Enabled",
      "UserStatus",
      "MFAOptions",
      "PreferredMfaSetting",
      "UserMFASettingList",
    ]);
    expect(m["Username"]).toMatchObject({ required: true, kind: "string" });
    expect(m["UserAttributes"]).toMatchObject({ required: false, kind: "array", shape: "AttributeType" });
    expect(m["UserCreateDate"]).toMatchObject({ required: false, kind: "timestamp" });
    expect(m["Enabled"]).toMatchObject({ kind: "boolean" });
    expect(m["UserStatus"]).toMatchObject({ kind: "enum", shape: "UserStatusType" });
    expect(m["UserMFASettingList"]).toMatchObject({
      kind: "array",
      proseValues: ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA"],
    });
    expect(m["UserMFASettingList"]!.shape).toBeUndefined();
    expect(m["UserStatus"]!.proseValues).toContain("EXTERNAL_PROVIDER");
    expect(m["MFAOptions"]!.deprecated).toBe("This response parameter is no longer supported.");
  });

  it("reads maps, numbers and nested structures", () => {
    expect(shape("AdminInitiateAuthRequest").members!["AuthParameters"]).toMatchObject({
      kind: "map",
      required: false,
    });
    expect(shape("PasswordPolicyType").members!["MinimumLength"]).toMatchObject({ kind: "number" });
    expect(shape("UserPoolDescriptionType").members!["LambdaConfig"]).toMatchObject({
      kind: "object",
      shape: "LambdaConfigType",
    });
  });

  it("takes deprecation from @deprecated tags", () => {
    expect(shape("UserPoolDescriptionType").members!["Status"]).toMatchObject({
      kind: "enum",
      shape: "StatusType",
      deprecated: "This property is no longer available.",
    });
  });

  it("reads exception classes as error shapes, without the SDK's own properties", () => {
    const e = shape("InvalidParameterException");
    expect(e).toMatchObject({
      kind: "object",
      error: true,
      at: { file: FILE("errors.d.ts"), pointer: "/InvalidParameterException" },
    });
    expect(Object.keys(e.members!)).toEqual(["reasonCode"]);
    expect(shape("UserNotFoundException").members).toEqual({});
  });

  it("skips command input/output types and the service exception base class", () => {
    expect([...ev.shapes.keys()].filter((n) => /Command(Input|Output)$/.test(n))).toEqual([]);
    expect(ev.shapes.has("CognitoIdentityProviderServiceException")).toBe(false);
  });

  it("locates shapes and members at their declarations", () => {
    const r = shape("AdminGetUserResponse");
    expect(r.at).toMatchObject({ pointer: "/AdminGetUserResponse", column: 1 });
    expect(r.at!.file).toMatch(/^@aws-sdk\/client-cognito-identity-provider\/dist-types\/models\/models_\d\.d\.ts$/);
    const u = r.members!["Username"]!.at!;
    expect(u).toMatchObject({ file: r.at!.file, pointer: "/AdminGetUserResponse/Username", column: 5 });
    expect(u.line).toBeGreaterThan(r.at!.line);
    expect(r.members!["UserAttributes"]!.at!.line).toBeGreaterThan(u.line);
  });

  it("reports a folder that is not an SDK client", async () => {
    const err = await loadAwsSdk(SOURCE, path.join(ROOT, "test")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StructgenError);
    expect((err as StructgenError).diagnostics[0]!.code).toBe("FILE_UNREADABLE");
  });
});
