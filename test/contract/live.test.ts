// The contract against a running Cognito: cognito-local on 127.0.0.1, started and stopped here.
// Each response is checked twice (raw JSON 1.1 over fetch, and the AWS SDK v3 client's output),
// in default and strict mode; a negative control shows unreconciled validators fail on them.
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  GetUserCommand,
  type AdminGetUserCommandOutput,
  type GetUserCommandOutput,
} from "@aws-sdk/client-cognito-identity-provider";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "../../generator/pipeline.js";
import { inMemorySource } from "../../generator/emit/validators/index.js";
import { checkContract, drift, expectContract } from "../../generator/contract/index.js";
import "../../generator/contract/vitest.js";
import { startCognitoLocal, type CognitoLocal } from "./cognito-local.js";
import { redact, runScenarios, type Capture, type Fixture } from "./scenarios.js";

const LIVE_DIR = path.resolve("test/fixtures/live");

let server: CognitoLocal;
let captures: Capture[] = [];
let fixture: Fixture;
let sdk: CognitoIdentityProviderClient;
const sdkOutputs: { scenario: string; type: string; output: AdminGetUserCommandOutput | GetUserCommandOutput }[] = [];
const sdkErrors: { scenario: string; name: string }[] = [];

beforeAll(async () => {
  server = await startCognitoLocal();
  ({ captures, fixture } = await runScenarios(server));
  sdk = new CognitoIdentityProviderClient({
    endpoint: server.endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const admin = async (scenario: string, UserPoolId: string, Username: string) => {
    try {
      sdkOutputs.push({
        scenario,
        type: "AdminGetUserResponse",
        output: await sdk.send(new AdminGetUserCommand({ UserPoolId, Username })),
      });
    } catch (e) {
      sdkErrors.push({ scenario, name: (e as Error).name });
    }
  };
  await admin("sdk-confirmed", fixture.poolId, "alice");
  await admin("sdk-disabled", fixture.poolId, "bob");
  await admin("sdk-email-alias", fixture.emailPoolId, "carol@example.com");
  await admin("sdk-user-not-found", fixture.poolId, "nobody");
  sdkOutputs.push({
    scenario: "sdk-get-user",
    type: "GetUserResponse",
    output: await sdk.send(new GetUserCommand({ AccessToken: fixture.accessToken })),
  });

  if (process.env["STRUCTGEN_RECORD"] === "1") {
    rmSync(LIVE_DIR, { recursive: true, force: true });
    mkdirSync(LIVE_DIR, { recursive: true });
    for (const c of captures) {
      const record = {
        scenario: c.scenario,
        operation: c.operation,
        type: c.type,
        status: c.status,
        recordedFrom: "cognito-local 5.3.0",
        response: redact(c.response),
      };
      writeFileSync(path.join(LIVE_DIR, `${c.scenario}.json`), `${JSON.stringify(record, null, 2)}\n`);
    }
  }
});

afterAll(async () => {
  sdk?.destroy();
  await server?.stop();
  // eslint-disable-next-line no-console
  console.log(drift.format());
});

const find = (scenario: string) => {
  const c = captures.find((x) => x.scenario === scenario);
  if (!c) throw new Error(`no capture for ${scenario}`);
  return c;
};

/** The scenarios in the order they are captured: calls that succeed, then calls the service refuses. */
const SUCCESSES = [
  "admin-create-user",
  "force-change-password",
  "set-password",
  "confirmed",
  "sign-up",
  "unconfirmed",
  "disable",
  "disabled",
  "sign-in",
  "mfa-preference",
  "get-user",
  "email-alias-create",
  "email-alias",
];
const FAILURES = [
  "user-not-found",
  "pool-not-found",
  "bad-token",
  "unknown-user-sign-in",
  "unconfirmed-sign-in",
  "wrong-password",
];

describe("raw JSON over the JSON 1.1 protocol", () => {
  it("captured every scenario", () => {
    expect(captures.map((c) => c.scenario)).toEqual([...SUCCESSES, ...FAILURES]);
  });

  it.each(SUCCESSES)("%s satisfies its response type, in default and strict mode", (scenario) => {
    const c = find(scenario);
    expect(c.status).toBe(200);
    expect(c.response).toMatchContract(c.type);
    expect(c.response).toMatchContract(c.type, { strict: true });
  });

  it("reports the user states the service produced", () => {
    expect(find("force-change-password").response["UserStatus"]).toBe("FORCE_CHANGE_PASSWORD");
    expect(find("confirmed").response["UserStatus"]).toBe("CONFIRMED");
    expect(find("unconfirmed").response["UserStatus"]).toBe("UNCONFIRMED");
    expect(find("disabled").response["Enabled"]).toBe(false);
    expect(typeof find("confirmed").response["UserCreateDate"]).toBe("number");
  });

  it("keeps custom attributes and MFA settings", () => {
    const attrs = find("confirmed").response["UserAttributes"] as { Name: string; Value: string }[];
    expect(attrs).toContainEqual({ Name: "custom:tier", Value: "gold" });
    const user = find("get-user").response;
    expect(user["UserMFASettingList"]).toEqual(["SMS_MFA"]);
    expect(user["PreferredMfaSetting"]).toBe("SMS_MFA");
  });

  it("returns the sub as Username in an email-alias pool", () => {
    const r = find("email-alias").response;
    const sub = (r["UserAttributes"] as { Name: string; Value: string }[]).find((a) => a.Name === "sub")?.Value;
    expect(r["Username"]).toBe(sub);
    expect(r["Username"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(FAILURES)("%s is an error body that satisfies its error shape", (scenario) => {
    const c = find(scenario);
    expect(c.status).toBe(400);
    expect(c.type).toMatch(/Exception$/);
    expect(c.response).toMatchContract(c.type, { strict: true });
  });

  it("names the documented error shapes", () => {
    expect(find("user-not-found").type).toBe("UserNotFoundException");
    expect(find("pool-not-found").type).toBe("ResourceNotFoundException");
    expect(find("unknown-user-sign-in").type).toBe("NotAuthorizedException");
    expect(find("unconfirmed-sign-in").type).toBe("UserNotConfirmedException");
  });
});

describe("the AWS SDK v3 client's outputs", () => {
  it("got an output for each read and an error for the missing user", () => {
    expect(sdkOutputs.map((o) => o.scenario)).toEqual([
      "sdk-confirmed",
      "sdk-disabled",
      "sdk-email-alias",
      "sdk-get-user",
    ]);
    expect(sdkErrors).toEqual([{ scenario: "sdk-user-not-found", name: "UserNotFoundException" }]);
  });

  it("SDK outputs (Date, $metadata) satisfy the contract through the SDK-to-wire view", () => {
    for (const o of sdkOutputs) {
      expect(o.output.$metadata).toBeDefined();
      expect(expectContract(o.output, o.type).valid).toBe(true);
      expect(checkContract(o.output, o.type, { strict: true }).errors).toEqual([]);
    }
    const confirmed = sdkOutputs[0]!.output as AdminGetUserCommandOutput;
    expect(confirmed.UserCreateDate).toBeInstanceOf(Date);
  });
});

describe("negative control: validators from the unreconciled JSON Structure files", () => {
  it("reject the same live responses (dates are numbers on the wire, not datetime strings)", async () => {
    const model = await buildModel({ name: "cognito-idp", dir: "schemas/cognito-idp" });
    const mod = (await import(
      `data:text/javascript;base64,${Buffer.from(inMemorySource(model)).toString("base64")}`
    )) as {
      validators: Record<string, (v: unknown) => { valid: boolean; errors: { pointer: string }[] }>;
    };
    const r = mod.validators["AdminGetUserResponse"]!(find("confirmed").response);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.pointer)).toContain("/UserCreateDate");
    // …while the reconciled contract accepts it.
    expect(checkContract(find("confirmed").response, "AdminGetUserResponse").valid).toBe(true);
  });
});
