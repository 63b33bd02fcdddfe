import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import type { Evidence, ShapeClaim, SourceInfo } from "../../generator/reconcile/evidence.js";
import { loadBoto3Docs, operationShapeName, parsePage } from "../../generator/reconcile/sources/boto3-docs.js";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIR = "schemas/sources/cognito-idp/boto3-docs";
const SOURCE: SourceInfo = {
  id: "boto3-docs",
  kind: "boto3-docs",
  description: "boto3 documentation pages (cognito-idp)",
};
const page = (op: string) => ({ path: path.join(ROOT, DIR, `${op}.txt`), display: `${DIR}/${op}.txt` });

let ev: Evidence;
beforeAll(async () => {
  ev = await loadBoto3Docs(SOURCE, [page("admin_get_user"), page("get_user")]);
});
const shape = (name: string): ShapeClaim => {
  const s = ev.shapes.get(name);
  if (!s) throw new Error(`no shape ${name}`);
  return s;
};

describe("loadBoto3Docs: the vendored Cognito pages", () => {
  it("names one response shape per page after the operation", () => {
    expect([...ev.shapes.keys()]).toEqual(["AdminGetUserResponse", "GetUserResponse"]);
    expect(ev.source).toBe(SOURCE);
    expect(shape("AdminGetUserResponse")).toMatchObject({
      kind: "object",
      doc: "Represents the response from the server from the request to get the specified user as an administrator.",
      at: { file: `${DIR}/admin_get_user.txt`, pointer: "/Response Structure", line: 48, column: 3 },
    });
  });

  it("lists the top-level members in page order, without nested ones", () => {
    expect(Object.keys(shape("AdminGetUserResponse").members!)).toEqual([
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
    expect(Object.keys(shape("GetUserResponse").members!)).toEqual([
      "Username",
      "UserAttributes",
      "MFAOptions",
      "PreferredMfaSetting",
      "UserMFASettingList",
    ]);
  });

  it("maps boto3's type words to kinds", () => {
    const m = shape("AdminGetUserResponse").members!;
    expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.kind]))).toEqual({
      Username: "string",
      UserAttributes: "array",
      UserCreateDate: "timestamp",
      UserLastModifiedDate: "timestamp",
      Enabled: "boolean",
      UserStatus: "string",
      MFAOptions: "array",
      PreferredMfaSetting: "string",
      UserMFASettingList: "array",
    });
  });

  it("does not claim required-ness or member shape names (the pages state neither)", () => {
    for (const s of ev.shapes.values()) {
      for (const m of Object.values(s.members!)) {
        expect(m.required).toBeUndefined();
        expect(m.shape).toBeUndefined();
      }
    }
  });

  it("reads the values UserStatus lists from its bullets (ARCHIVED is not among them)", () => {
    const us = shape("AdminGetUserResponse").members!["UserStatus"]!;
    expect(us.proseValues).toEqual(["UNCONFIRMED", "CONFIRMED", "UNKNOWN", "RESET_REQUIRED", "FORCE_CHANGE_PASSWORD"]);
    expect(us.proseValues).not.toContain("ARCHIVED");
    expect(us.doc).toContain("\n• UNCONFIRMED - User has been created but not confirmed.");
  });

  it("reads the values a sentence lists: get_user names EMAIL_OTP, admin_get_user does not", () => {
    expect(shape("GetUserResponse").members!["UserMFASettingList"]!.proseValues).toEqual([
      "SMS_MFA",
      "EMAIL_OTP",
      "SOFTWARE_TOKEN_MFA",
    ]);
    expect(shape("AdminGetUserResponse").members!["UserMFASettingList"]!.proseValues).toEqual([
      "SMS_MFA",
      "SOFTWARE_TOKEN_MFA",
    ]);
  });

  it("stops a member's description at its nested structure", () => {
    const ua = shape("GetUserResponse").members!["UserAttributes"]!;
    expect(ua.doc).toBe(
      "An array of name-value pairs representing user attributes.\nFor custom attributes, you must prepend the custom: prefix to the attribute name.",
    );
    expect(ua.proseValues).toBeUndefined();
  });

  it("marks MFAOptions deprecated on both pages, and nothing else", () => {
    for (const name of ["AdminGetUserResponse", "GetUserResponse"]) {
      const members = shape(name).members!;
      expect(members["MFAOptions"]!.deprecated).toBe("This response parameter is no longer supported.");
      const others = Object.entries(members).filter(([k, v]) => k !== "MFAOptions" && v.deprecated !== undefined);
      expect(others).toEqual([]);
    }
  });

  it("locates each member at its bullet (line:column)", () => {
    expect(shape("AdminGetUserResponse").members!["Username"]!.at).toEqual({
      file: `${DIR}/admin_get_user.txt`,
      pointer: "/Response Structure/Username",
      line: 52,
      column: 5,
    });
    expect(shape("AdminGetUserResponse").members!["UserStatus"]!.at).toMatchObject({ line: 84, column: 5 });
    expect(shape("GetUserResponse").members!["UserMFASettingList"]!.at).toEqual({
      file: `${DIR}/get_user.txt`,
      pointer: "/Response Structure/UserMFASettingList",
      line: 106,
      column: 5,
    });
    for (const s of ev.shapes.values())
      for (const m of Object.values(s.members!)) expect(m.at!.line).toBeGreaterThan(s.at!.line);
  });
});

describe("loadBoto3Docs: other pages", () => {
  const TITLE =
    "CognitoIdentityProvider / Client / admin_initiate_auth\n\nResponse Syntax\n\n{}\n\nResponse Structure\n\n";

  it("regression: lone-CR line endings give the same shape at the same line:column as LF", () => {
    const text = readFileSync(page("admin_get_user").path, "utf8");
    const lf = parsePage("p.txt", text.replace(/\r\n?/g, "\n"));
    const cr = parsePage("p.txt", text.replace(/\r\n?/g, "\n").replace(/\n/g, "\r"));
    const crlf = parsePage("p.txt", text.replace(/\r\n?/g, "\n").replace(/\n/g, "\r\n"));
    expect("claim" in lf && lf.claim?.at).toMatchObject({ line: 48, column: 3 });
    expect(cr).toEqual(lf);
    expect(crlf).toEqual(lf);
  });

  it("spells operation names in PascalCase, or as a known name that differs only in case", async () => {
    expect(operationShapeName("admin_get_user")).toBe("AdminGetUser");
    const dir = await mkdtemp(path.join(tmpdir(), "boto3-docs-"));
    const file = path.join(dir, "p.txt");
    await writeFile(
      file,
      "CognitoIdentityProvider / Client / admin_set_user_mfa_preference\n\nResponse Structure\n\n  • (dict) –\n",
    );
    const plain = await loadBoto3Docs(SOURCE, [{ path: file, display: "p.txt" }]);
    expect([...plain.shapes.keys()]).toEqual(["AdminSetUserMfaPreferenceResponse"]);
    const known = await loadBoto3Docs(SOURCE, [{ path: file, display: "p.txt" }], {
      knownNames: ["AdminSetUserMFAPreferenceResponse"],
    });
    expect([...known.shapes.keys()]).toEqual(["AdminSetUserMFAPreferenceResponse"]);
  });

  it("reads a dict whose entries have no names as a map, and text after the dash as description", () => {
    const r = parsePage(
      "p.txt",
      TITLE +
        "  • (dict) –\n\n    • ChallengeParameters (dict) – The challenge parameters.\n\n      • (string) –\n\n        • (string) –\n\n" +
        "    • Session (string) –\n\n      A session.\n      Wrapped line.\n\nExceptions\n\n  • X\n",
    );
    if (!("claim" in r) || !r.claim) throw new Error("expected a claim");
    expect(r.claim.members).toEqual({
      ChallengeParameters: {
        kind: "map",
        doc: "The challenge parameters.",
        at: { file: "p.txt", pointer: "/Response Structure/ChallengeParameters", line: 11, column: 5 },
      },
      Session: {
        kind: "string",
        doc: "A session. Wrapped line.",
        at: { file: "p.txt", pointer: "/Response Structure/Session", line: 17, column: 5 },
      },
    });
  });

  it("yields no shape for an operation without a response structure", () => {
    expect(
      parsePage("p.txt", "CognitoIdentityProvider / Client / admin_add_user_to_group\n\nReturns:\n\nNone\n"),
    ).toEqual({ claim: undefined });
  });

  it("reports a page that is not a boto3 page, and an unreadable file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "boto3-docs-"));
    const file = path.join(dir, "x.txt");
    await writeFile(file, "\n\nSomething else entirely\n");
    const err = await loadBoto3Docs(SOURCE, [
      { path: file, display: "x.txt" },
      { path: path.join(dir, "missing.txt"), display: "missing.txt" },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StructgenError);
    const ds = (err as StructgenError).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(["SCHEMA_INVALID_TYPE", "FILE_UNREADABLE"]);
    expect(ds[0]!.at).toEqual({ file: "x.txt", pointer: "", line: 3, column: 1 });
  });

  it("reports two pages for the same operation", async () => {
    const err = await loadBoto3Docs(SOURCE, [page("get_user"), page("get_user")]).catch((e: unknown) => e);
    expect((err as StructgenError).diagnostics.map((d) => d.code)).toEqual(["SCHEMA_NAME_DUPLICATE"]);
  });
});
