// The README's contract example, as written there (imports by package name), run for real
// against cognito-local. If this file changes, the README section "Contract tests" changes too.
import {
  AdminGetUserCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkContract, drift, expectContract } from "structgen/contract";
import "structgen/contract/vitest"; // installs expect(...).toMatchContract(type, { strict })
import { startCognitoLocal, type CognitoLocal } from "./cognito-local.js";

let server: CognitoLocal;
let cognito: CognitoIdentityProviderClient;
let UserPoolId: string;
const Username = "readme";
const reportDir = mkdtempSync(path.join(tmpdir(), "structgen-drift-"));

beforeAll(async () => {
  server = await startCognitoLocal();
  cognito = new CognitoIdentityProviderClient({
    endpoint: server.endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  UserPoolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: "readme" }))).UserPool!.Id!;
  await cognito.send(
    new AdminCreateUserCommand({ UserPoolId, Username, MessageAction: "SUPPRESS", TemporaryPassword: "Temp1234!x" }),
  );
});

afterAll(async () => {
  cognito?.destroy();
  await server?.stop();
  rmSync(reportDir, { recursive: true, force: true });
});

it("works as the README shows", async () => {
  const out = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username })); // an SDK output…
  expect(out).toMatchContract("AdminGetUserResponse"); //                                …or raw JSON: both work

  const rawJson = { Username: "x", UserAttributes: [{ Name: "sub", Value: "1" }], MFAOptions: [] };
  expectContract(rawJson, "GetUserResponse", { strict: true }); // throws ContractError listing every problem

  const body = { __type: "UserNotFoundException", message: "User does not exist." };
  const r = checkContract(body, "UserNotFoundException"); // { valid, errors, drift }; never throws for bad data
  expect(r.valid).toBe(true);

  // Drift: a value no source lists yet is accepted by default and collected for the report.
  checkContract({ ...rawJson, UserStatus: "SOMETHING_NEW" }, "AdminGetUserResponse");
  expect(drift.format()).toContain("SOMETHING_NEW");
  await drift.write(path.join(reportDir, "contract-drift.json"));
  expect(JSON.parse(readFileSync(path.join(reportDir, "contract-drift.json"), "utf8")).drift[0].value).toBe(
    "SOMETHING_NEW",
  );

  expect(() => expectContract({ Username: 5 }, "AdminGetUserResponse")).toThrow(/\/Username: must be a string/);
  expect(() => expect({ Username: 5 }).toMatchContract("AdminGetUserResponse")).toThrow(
    /AdminGetUserResponse contract/,
  );
});
