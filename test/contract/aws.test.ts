// The same contract against a real user pool, only when asked:
//   STRUCTGEN_AWS_REGION, STRUCTGEN_AWS_USER_POOL_ID, STRUCTGEN_AWS_USERNAME
//   and AWS credentials the SDK can find (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a profile).
import { AdminGetUserCommand, CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { checkContract } from "../../generator/contract/index.js";

const region = process.env["STRUCTGEN_AWS_REGION"];
const poolId = process.env["STRUCTGEN_AWS_USER_POOL_ID"];
const username = process.env["STRUCTGEN_AWS_USERNAME"];
const enabled = Boolean(region && poolId && username);

describe.skipIf(!enabled)("real AWS user pool", () => {
  it("AdminGetUser satisfies the contract (SDK output and strict mode)", async () => {
    const client = new CognitoIdentityProviderClient({ region: region! });
    try {
      const out = await client.send(new AdminGetUserCommand({ UserPoolId: poolId!, Username: username! }));
      const r = checkContract(out, "AdminGetUserResponse");
      expect(r.errors).toEqual([]);
      if (r.drift.length > 0) console.log("drift from AWS:", JSON.stringify(r.drift));
    } finally {
      client.destroy();
    }
  });
});

it.runIf(!enabled)("real AWS tests are skipped", () => {
  console.log(
    "Skipping real-AWS contract tests: set STRUCTGEN_AWS_REGION, STRUCTGEN_AWS_USER_POOL_ID and STRUCTGEN_AWS_USERNAME (and AWS credentials) to run them.",
  );
  expect(enabled).toBe(false);
});
