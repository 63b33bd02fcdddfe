// A corpus structgen has never seen: a hand-written slice of Amazon SQS in the same OpenAPI-derived
// dialect as the Cognito files. Nothing about it is special-cased anywhere.
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type CorpusResult } from "../../generator/index.js";
import { typecheck } from "../helpers/typecheck.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/other-service/", import.meta.url));

interface Issue {
  pointer: string;
  code: string;
  message: string;
}
type Validate = (value: unknown, options?: { strict?: boolean }) => { valid: boolean; errors: Issue[] };
interface ValidatorsModule {
  validators: Record<string, Validate>;
  rootTypes: readonly string[];
  [name: string]: unknown;
}

let tmp: string;
let dir: string;
let result: CorpusResult;
let mod: ValidatorsModule;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-other-"));
  const results = await generate({ schemas: FIXTURE, out: tmp });
  expect(results).toHaveLength(1);
  result = results[0]!;
  dir = path.join(tmp, "other-service");
  mod = (await import(pathToFileURL(path.join(dir, "validators.js")).href)) as ValidatorsModule;
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const v = (type: string): Validate => {
  const f = mod.validators[type];
  if (!f) throw new Error(`no validator for ${type}`);
  return f;
};
const issues = (type: string, value: unknown, strict = false): string[] =>
  v(type)(value, { strict })
    .errors.map((e) => `${e.pointer} ${e.code}`)
    .sort();

const sendMessage = () => ({
  QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
  MessageBody: '{"orderId":42}',
  DelaySeconds: 0,
  MessageAttributes: {
    Source: { DataType: "String", StringValue: "checkout" },
    Thumbnail: { DataType: "Binary", BinaryValue: "aGVsbG8gd29ybGQ=" },
  },
});

const received = () => ({
  Messages: [
    {
      MessageId: "5fea7756-0ea4-451a-a703-a558b933e274",
      ReceiptHandle: "MbZj6wDWli+JvwwJaBV+3dcjk2YW2vA3+STFFljTM8tJJg6HRG6PYSasuWXPJB+Cw",
      MD5OfBody: "fafb00f5732ab283681e124bf8747ed1",
      Body: "This is a test message",
      Attributes: { SenderId: "195004372649", SentTimestamp: "1238099229000", ApproximateReceiveCount: "5" },
      MessageAttributes: { Source: { DataType: "String", StringValue: "checkout" } },
    },
  ],
});

describe("an unseen service corpus (Amazon SQS slice)", () => {
  it("generates every output with only informational diagnostics", async () => {
    expect(result.corpus).toBe("other-service");
    const schemaFiles = (await fs.readdir(FIXTURE)).filter((f) => f.endsWith(".json"));
    expect(schemaFiles.length).toBeGreaterThanOrEqual(12);
    expect(result.types).toBe(schemaFiles.length);
    for (const f of [
      "types.ts",
      "validators.js",
      "validators.d.ts",
      "schema.json",
      "docs/README.md",
      "docs/types/Message.md",
    ]) {
      await expect(fs.stat(path.join(dir, f))).resolves.toBeTruthy();
    }
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const infos = result.diagnostics.map((d) => `${d.code} ${d.at?.file}`);
    expect(infos).toContain("SCHEMA_TYPELESS_ERROR_SHAPE sqs-queue-does-not-exist-structure.json");
    expect(infos).toContain("SCHEMA_ITEMS_MATCH_NAMED sqs-message-list-structure.json");
  });

  it("reads the dialect's rules: member refs, inlined items, maps, enums, bounds, password, error shapes", () => {
    const types = readFileSync(path.join(dir, "types.ts"), "utf8");
    expect(types).toMatch(/^export type MessageList = Message\[\];$/m);
    expect(types).toMatch(/^export type MessageBodyAttributeMap = Record<string, MessageAttributeValue>;$/m);
    expect(types).toMatch(/^export interface SendMessageRequest \{$/m);
    expect(types).toMatch(/^export interface QueueDoesNotExist \{$/m);
    expect(types).toMatch(/^export type QueueAttributeName =$/m);
    expect(types).toContain('| "VisibilityTimeout";');

    const schema = JSON.parse(readFileSync(path.join(dir, "schema.json"), "utf8")) as {
      $defs: Record<string, Record<string, unknown>>;
    };
    const defs = schema.$defs;
    expect(defs["MaxNumberOfMessagesType"]).toMatchObject({ type: "integer", minimum: 1, maximum: 10 });
    expect(defs["DelaySecondsType"]).toMatchObject({ type: "integer", minimum: 0, maximum: 900 });
    expect(defs["MessageList"]).toMatchObject({ type: "array", items: { $ref: "#/$defs/Message" } });
    expect(defs["MessageBodyAttributeMap"]).toMatchObject({
      type: "object",
      additionalProperties: { $ref: "#/$defs/MessageAttributeValue" },
    });
    const message = defs["Message"] as { properties: Record<string, Record<string, unknown>> };
    expect(message.properties["ReceiptHandle"]).toMatchObject({ type: "string", "x-sensitive": true });
    expect(message.properties["Body"]).toMatchObject({ description: "The message's contents (not URL-encoded)." });
    expect(defs["SendMessageRequest"]).toMatchObject({ required: ["QueueUrl", "MessageBody"] });

    // Root types are the documents' own types; the error shape is not one.
    expect([...mod.rootTypes].sort()).toContain("SendMessageRequest");
    expect(mod.rootTypes).toContain("ReceiveMessageResult");
    expect(mod.rootTypes).not.toContain("QueueDoesNotExist");
    expect(mod.rootTypes).toHaveLength(result.types - 1);
  });

  it("the generated TypeScript compiles with tsc --strict, for a consumer too", async () => {
    const consumer = path.join(tmp, "consumer.mts");
    await fs.writeFile(
      consumer,
      [
        `import { isSendMessageRequest, assertReceiveMessageResult, validateQueueAttributeName } from "./other-service/validators.js";`,
        `import type { SendMessageRequest, Message, QueueAttributeName, MessageBodyAttributeMap } from "./other-service/types.js";`,
        `declare const input: unknown;`,
        `if (isSendMessageRequest(input)) { const url: string = input.QueueUrl; const delay: number | undefined = input.DelaySeconds; void url; void delay; }`,
        `assertReceiveMessageResult(input);`,
        `const messages: Message[] | undefined = input.Messages;`,
        `const attrs: MessageBodyAttributeMap = { Source: { DataType: "String", StringValue: "x" } };`,
        `const req: SendMessageRequest = { QueueUrl: "u", MessageBody: "b", MessageAttributes: attrs };`,
        `const name: QueueAttributeName = "VisibilityTimeout";`,
        `// @ts-expect-error MessageBody is required`,
        `const missing: SendMessageRequest = { QueueUrl: "u" };`,
        `// @ts-expect-error not a queue attribute name`,
        `const wrong: QueueAttributeName = "Visibility";`,
        `void messages; void req; void name; void missing; void wrong; void validateQueueAttributeName;`,
      ].join("\n"),
    );
    const r = typecheck([path.join(dir, "types.ts"), path.join(dir, "validators.d.ts"), consumer]);
    expect(r.output).toBe("");
    expect(r.ok).toBe(true);
  });

  it("its validators accept good SendMessage and ReceiveMessage values", () => {
    expect(v("SendMessageRequest")(sendMessage())).toMatchObject({ valid: true, errors: [] });
    expect(v("SendMessageRequest")(sendMessage(), { strict: true })).toMatchObject({ valid: true, errors: [] });
    expect(v("ReceiveMessageResult")(received(), { strict: true })).toMatchObject({ valid: true, errors: [] });
    expect(v("ReceiveMessageResult")({}).valid).toBe(true);
    expect(
      v("ReceiveMessageRequest")({
        QueueUrl: "q",
        AttributeNames: ["All", "QueueArn"],
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 20,
      }).valid,
    ).toBe(true);
    expect(v("SendMessageResult")({ MD5OfMessageBody: "51b0a325", MessageId: "d6790f8d" }).valid).toBe(true);
    expect(v("QueueDoesNotExist")({ message: "The specified queue does not exist." }).valid).toBe(true);
    expect(v("QueueDoesNotExist")({ message: "x", __type: "AWS.SimpleQueueService.NonExistentQueue" }).valid).toBe(
      true,
    );
  });

  it("enforces int32 bounds, integrality and the type's own range", () => {
    const delay = (d: unknown) => issues("SendMessageRequest", { ...sendMessage(), DelaySeconds: d });
    expect(delay(900)).toEqual([]);
    expect(delay(901)).toEqual(["/DelaySeconds INSTANCE_NUMBER_MAXIMUM"]);
    expect(delay(-1)).toEqual(["/DelaySeconds INSTANCE_NUMBER_MINIMUM"]);
    expect(delay(1.5)).toEqual(["/DelaySeconds INSTANCE_INTEGER_EXPECTED"]);
    expect(delay("5")).toEqual(["/DelaySeconds INSTANCE_INTEGER_EXPECTED"]);
    const max = (n: number) => issues("ReceiveMessageRequest", { QueueUrl: "q", MaxNumberOfMessages: n });
    expect(max(1)).toEqual([]);
    expect(max(0)).toEqual(["/MaxNumberOfMessages INSTANCE_NUMBER_MINIMUM"]);
    expect(max(11)).toEqual(["/MaxNumberOfMessages INSTANCE_NUMBER_MAXIMUM"]);
    // A bare int32 still has int32's range.
    expect(issues("NullableInteger", 2 ** 31 - 1)).toEqual([]);
    expect(issues("NullableInteger", 2 ** 31)).toEqual([" INSTANCE_NUMBER_MAXIMUM"]);
  });

  it("reports required members, enums, map values and base64 at their pointers", () => {
    const { MessageBody: _, ...noBody } = sendMessage();
    expect(issues("SendMessageRequest", noBody)).toEqual(["/MessageBody INSTANCE_REQUIRED_PROPERTY_MISSING"]);
    expect(
      issues("SendMessageRequest", {
        ...sendMessage(),
        MessageAttributes: {
          "a/b": { StringValue: "x" },
          Thumbnail: { DataType: "Binary", BinaryValue: "not base64!" },
          Bad: "x",
        },
      }),
    ).toEqual([
      "/MessageAttributes/Bad INSTANCE_OBJECT_EXPECTED",
      "/MessageAttributes/Thumbnail/BinaryValue INSTANCE_STRING_PATTERN_MISMATCH",
      "/MessageAttributes/a~1b/DataType INSTANCE_REQUIRED_PROPERTY_MISSING",
    ]);
    expect(issues("ReceiveMessageRequest", { QueueUrl: "q", AttributeNames: ["All", "Everything"] })).toEqual([
      "/AttributeNames/1 INSTANCE_ENUM_MISMATCH",
    ]);
    expect(issues("QueueAttributeName", "visibilitytimeout")).toEqual([" INSTANCE_ENUM_MISMATCH"]);
    const bad = received();
    (bad.Messages[0]!.Attributes as Record<string, unknown>)["SentTimestamp"] = 1238099229000;
    (bad.Messages[0] as Record<string, unknown>)["ReceiptHandle"] = 7;
    expect(issues("ReceiveMessageResult", bad)).toEqual([
      "/Messages/0/Attributes/SentTimestamp INSTANCE_STRING_EXPECTED",
      "/Messages/0/ReceiptHandle INSTANCE_STRING_EXPECTED",
    ]);
    expect(issues("QueueDoesNotExist", { message: 404 })).toEqual(["/message INSTANCE_STRING_EXPECTED"]);
    expect(issues("SendMessageRequest", null)).toEqual([" INSTANCE_OBJECT_EXPECTED"]);
  });

  it("strict mode rejects undeclared members inside list items and map values", () => {
    const value = received();
    (value.Messages[0] as Record<string, unknown>)["Extra"] = true;
    (value.Messages[0]!.MessageAttributes.Source as Record<string, unknown>)["Note"] = "x";
    expect(v("ReceiveMessageResult")(value).valid).toBe(true);
    expect(issues("ReceiveMessageResult", value, true)).toEqual([
      "/Messages/0/Extra INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED",
      "/Messages/0/MessageAttributes/Source/Note INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED",
    ]);
  });
});
