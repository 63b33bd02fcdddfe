// `expect(value).toMatchContract("AdminGetUserResponse")` for Vitest. Importing this module installs
// the matcher; useContract(contract) registers a corpus's generated contract for it. Without any
// registered contract the matcher checks against the corpus bundled with structgen.
import { expect } from "vitest";
import {
  bundledContractSync,
  ContractTypeError,
  formatIssues,
  type Contract,
  type ContractOptions,
  type RegisteredContractType,
} from "./index.js";
import { didYouMean, suggest } from "../diagnostics/suggest.js";

export type { RegisteredContractType };

export interface ContractMatchers<R = unknown> {
  /**
   * The value (raw JSON or an AWS SDK v3 output) matches the named type's contract. The names are
   * those of the corpora whose generated contract the program imports (any string without one).
   */
  toMatchContract(type: RegisteredContractType, options?: ContractOptions): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends ContractMatchers<T> {}
}

const registered: Contract[] = [];

/**
 * Registers a corpus's contract (`contract` from generated/<corpus>/contract.js) for toMatchContract,
 * e.g. in a Vitest setup file. Returns a function that unregisters it.
 */
export function useContract<Name extends string>(contract: Contract<Name>): () => void {
  const c = contract as unknown as Contract;
  if (!registered.includes(c)) registered.push(c);
  return () => {
    const i = registered.indexOf(c);
    if (i >= 0) registered.splice(i, 1);
  };
}

/** The registered contract that has the type (or the bundled one when none is registered). */
function contractFor(type: unknown): Contract {
  if (registered.length === 0) return bundledContractSync();
  if (registered.length === 1) return registered[0]!;
  const owners = registered.filter((c) => typeof type === "string" && c.types.includes(type));
  if (owners.length === 1) return owners[0]!;
  const show = typeof type === "string" ? JSON.stringify(type) : String(type);
  if (owners.length > 1) {
    const corpora = owners.map((c, i) => c.corpus ?? `#${i + 1}`).join(", ");
    throw new ContractTypeError("CONTRACT_AMBIGUOUS_TYPE", { type: show, corpora });
  }
  const names = [...new Set(registered.flatMap((c) => c.types))].sort();
  const text = typeof type === "string" ? type : String(type);
  const params = { type: show, suggestion: didYouMean(text, names) };
  throw new ContractTypeError("CONTRACT_NOT_REGISTERED", params, suggest(text, names));
}

expect.extend({
  toMatchContract(received: unknown, type: string, options?: ContractOptions) {
    const r = contractFor(type).checkContract(received, type, options);
    return {
      pass: r.valid,
      message: () =>
        r.valid
          ? `expected value not to match the ${type} contract`
          : `expected value to match the ${type} contract:\n${formatIssues(r.errors)}`,
    };
  },
});
