// The SDK reader's scanner against ts-morph (the oracle, test/helpers/aws-sdk-ts-morph.ts): identical
// Evidence (shapes, members, kinds, docs, deprecations, prose values, locations, and their order)
// for the installed Cognito client and for fixtures of tricky syntax.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Evidence, SourceInfo } from "../../generator/reconcile/evidence.js";
import { loadAwsSdk } from "../../generator/reconcile/sources/aws-sdk.js";
import { loadAwsSdkWithTsMorph } from "../helpers/aws-sdk-ts-morph.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCE: SourceInfo = { id: "aws-sdk", kind: "aws-sdk", description: "oracle comparison" };

/** Shapes and members as entry lists, so equality also checks their order. */
function ordered(e: Evidence): unknown {
  const walk = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(walk) : v && typeof v === "object" ? Object.entries(v).map(([k, x]) => [k, walk(x)]) : v;
  return [e.source, [...e.shapes].map(([k, s]) => [k, walk(s)])];
}

async function both(dir: string): Promise<[Evidence, Evidence]> {
  return [await loadAwsSdk(SOURCE, dir), await loadAwsSdkWithTsMorph(SOURCE, dir)];
}

describe("the SDK reader and the ts-morph oracle agree", () => {
  it("on the installed @aws-sdk/client-cognito-identity-provider", async () => {
    const [scanned, oracle] = await both(path.join(ROOT, "node_modules/@aws-sdk/client-cognito-identity-provider"));
    expect(scanned.shapes.size).toBeGreaterThan(400);
    expect(ordered(scanned)).toStrictEqual(ordered(oracle));
  });

  it("on tricky syntax: generics, comments with braces or quotes, escapes, ASI, CRLF, lone CR, BOM, U+2028", async () => {
    const [scanned, oracle] = await both(path.join(ROOT, "test/fixtures/aws-sdk/tricky"));
    expect(ordered(scanned)).toStrictEqual(ordered(oracle));
    // The fixture does reach the cases it is for.
    const kinds = scanned.shapes.get("Kinds")!.members!;
    expect(kinds["NestedGenerics"]).toMatchObject({ kind: "map" });
    expect(kinds["Leading"]).toMatchObject({ kind: "object", shape: "Nested" });
    expect(kinds['"quoted-name"']).toMatchObject({ kind: "string", required: false });
    expect(kinds["toString"]).toEqual({ required: false, shape: "toString", at: expect.anything() });
    expect(scanned.shapes.get("EscapedEnum")!.enum).toContain('say "hi"');
    expect(scanned.shapes.get("CommentedEnum")).toMatchObject({
      enum: ["1", "2", "3", "4"],
      deprecated: "Use {@link PlainEnum} instead.",
    });
    expect(scanned.shapes.get("BadParameterException")).toMatchObject({ error: true, at: { line: 8, column: 1 } });
    expect(scanned.shapes.get("LoneCr")!.at!.line).toBe(13);
    expect(scanned.shapes.has("HiddenException")).toBe(true);
    expect(scanned.shapes.has("PrivateEnum")).toBe(false);
  });

  it("on JSDoc corner cases: tags, links, backticks, margins, `@` signs", async () => {
    const [scanned, oracle] = await both(path.join(ROOT, "test/fixtures/aws-sdk/jsdoc"));
    expect(ordered(scanned)).toStrictEqual(ordered(oracle));
    const m = scanned.shapes.get("FirstLine")!.members!;
    expect(m["BackticksInTag"]!.deprecated).toBe("the real one");
    expect(m["Links"]!.deprecated).toBe(
      "{@link Foo#bar}, {@linkcode Foo}, {@linkplain Foo text}, {@link Foo | text}, {@link }.",
    );
  });
});
