// `expect(value).toMatchContract("AdminGetUserResponse")` for Vitest. Import this module once
// (e.g. in a setup file) to install the matcher.
import { expect } from "vitest";
import { checkContract, formatIssues, type ContractOptions } from "./index.js";

export interface ContractMatchers<R = unknown> {
  /** The value (raw JSON or an AWS SDK v3 output) matches the named type's contract. */
  toMatchContract(type: string, options?: ContractOptions): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends ContractMatchers<T> {}
}

expect.extend({
  toMatchContract(received: unknown, type: string, options?: ContractOptions) {
    const r = checkContract(received, type, options);
    return {
      pass: r.valid,
      message: () =>
        r.valid
          ? `expected value not to match the ${type} contract`
          : `expected value to match the ${type} contract:\n${formatIssues(r.errors)}`,
    };
  },
});
