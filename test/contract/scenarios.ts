// The scenarios the contract suite drives against a Cognito endpoint, over raw JSON 1.1
// (fetch with X-Amz-Target). Each captured response names the type it must satisfy.
import type { CognitoLocal } from "./cognito-local.js";

export interface Capture {
  scenario: string;
  operation: string;
  /** The response type, or the error shape named by `__type`. */
  type: string;
  status: number;
  response: Record<string, unknown>;
}

export interface Fixture {
  poolId: string;
  emailPoolId: string;
  clientId: string;
  accessToken: string;
}

const PASSWORD = "Perm1234!x";
const TEMPORARY = "Temp1234!x";

export async function runScenarios(c: CognitoLocal): Promise<{ captures: Capture[]; fixture: Fixture }> {
  const captures: Capture[] = [];
  const call = async (
    scenario: string,
    operation: string,
    body: unknown,
    type = `${operation}Response`,
  ): Promise<Record<string, unknown>> => {
    const r = await c.call(operation, body);
    const errorType = typeof r.json["__type"] === "string" ? (r.json["__type"] as string) : undefined;
    captures.push({
      scenario,
      operation,
      type: r.status >= 400 && errorType ? errorType : type,
      status: r.status,
      response: r.json,
    });
    return r.json;
  };
  const must = async (operation: string, body: unknown): Promise<Record<string, any>> => {
    const r = await c.call(operation, body);
    if (r.status >= 400) throw new Error(`${operation} failed: ${JSON.stringify(r.json)}`);
    return r.json as Record<string, any>;
  };

  const pool = await must("CreateUserPool", { PoolName: "structgen-contract" });
  const poolId = pool["UserPool"].Id as string;
  const client = await must("CreateUserPoolClient", {
    UserPoolId: poolId,
    ClientName: "contract",
    ExplicitAuthFlows: ["USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH"],
  });
  const clientId = client["UserPoolClient"].ClientId as string;

  // AdminCreateUser, then AdminGetUser: FORCE_CHANGE_PASSWORD, with a custom attribute.
  await call("admin-create-user", "AdminCreateUser", {
    UserPoolId: poolId,
    Username: "alice",
    TemporaryPassword: TEMPORARY,
    MessageAction: "SUPPRESS",
    UserAttributes: [
      { Name: "email", Value: "alice@example.com" },
      { Name: "custom:tier", Value: "gold" },
    ],
  });
  await call("force-change-password", "AdminGetUser", { UserPoolId: poolId, Username: "alice" });

  // AdminSetUserPassword permanent: CONFIRMED.
  await call("set-password", "AdminSetUserPassword", {
    UserPoolId: poolId,
    Username: "alice",
    Password: PASSWORD,
    Permanent: true,
  });
  await call("confirmed", "AdminGetUser", { UserPoolId: poolId, Username: "alice" });

  // SignUp: UNCONFIRMED; then AdminDisableUser: Enabled false.
  await call("sign-up", "SignUp", {
    ClientId: clientId,
    Username: "bob",
    Password: PASSWORD,
    UserAttributes: [{ Name: "email", Value: "bob@example.com" }],
  });
  await call("unconfirmed", "AdminGetUser", { UserPoolId: poolId, Username: "bob" });
  await call("disable", "AdminDisableUser", { UserPoolId: poolId, Username: "bob" });
  await call("disabled", "AdminGetUser", { UserPoolId: poolId, Username: "bob" });

  // InitiateAuth USER_PASSWORD_AUTH, SetUserMFAPreference, GetUser with the access token.
  const auth = await call("sign-in", "InitiateAuth", {
    ClientId: clientId,
    AuthFlow: "USER_PASSWORD_AUTH",
    AuthParameters: { USERNAME: "alice", PASSWORD },
  });
  const accessToken = (auth["AuthenticationResult"] as { AccessToken: string }).AccessToken;
  await call("mfa-preference", "SetUserMFAPreference", {
    AccessToken: accessToken,
    SMSMfaSettings: { Enabled: true, PreferredMfa: true },
  });
  await call("get-user", "GetUser", { AccessToken: accessToken });

  // A pool with email as the username: the returned Username is the sub.
  const emailPool = await must("CreateUserPool", { PoolName: "structgen-email", UsernameAttributes: ["email"] });
  const emailPoolId = emailPool["UserPool"].Id as string;
  await call("email-alias-create", "AdminCreateUser", {
    UserPoolId: emailPoolId,
    Username: "carol@example.com",
    TemporaryPassword: TEMPORARY,
    MessageAction: "SUPPRESS",
  });
  await call("email-alias", "AdminGetUser", { UserPoolId: emailPoolId, Username: "carol@example.com" });

  // Errors, validated against the error shape the body names.
  await call("user-not-found", "AdminGetUser", { UserPoolId: poolId, Username: "nobody" });
  await call("pool-not-found", "AdminGetUser", { UserPoolId: "local_doesnotexist", Username: "alice" });
  await call("bad-token", "GetUser", { AccessToken: "not-a-token" });
  await call("unknown-user-sign-in", "InitiateAuth", {
    ClientId: clientId,
    AuthFlow: "USER_PASSWORD_AUTH",
    AuthParameters: { USERNAME: "nobody", PASSWORD },
  });
  await call("unconfirmed-sign-in", "InitiateAuth", {
    ClientId: clientId,
    AuthFlow: "USER_PASSWORD_AUTH",
    AuthParameters: { USERNAME: "bob", PASSWORD },
  });
  await call("wrong-password", "InitiateAuth", {
    ClientId: clientId,
    AuthFlow: "USER_PASSWORD_AUTH",
    AuthParameters: { USERNAME: "alice", PASSWORD: "Wrong1234!x" },
  });

  return { captures, fixture: { poolId, emailPoolId, clientId, accessToken } };
}

const SECRET_KEYS = new Set([
  "AccessToken",
  "IdToken",
  "RefreshToken",
  "Session",
  "SecretCode",
  "Password",
  "TemporaryPassword",
]);

/** A copy safe to commit: tokens and secrets replaced. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEYS.has(k) && typeof v === "string" ? "REDACTED" : redact(v);
  return out;
}
