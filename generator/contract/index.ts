// structgen/contract: contract checks for other repos' test suites. Light on purpose: it loads
// only generated standalone validators (no compiler, no prettier, no ajv).
import { loadBundled, type ValidatorModule } from "../validators-module.js";

export interface ContractIssue {
  pointer: string;
  code: string;
  message: string;
}

export interface ContractDrift {
  pointer: string;
  kind: "unknown-value" | "unknown-property";
  value: unknown;
  known?: string[];
}

export interface ContractResult {
  type: string;
  valid: boolean;
  errors: ContractIssue[];
  drift: ContractDrift[];
}

export interface ContractOptions {
  /** Reject drift (unknown enum values and members) instead of reporting it. */
  strict?: boolean;
}

/** One line per problem: "  /pointer: message [CODE]". */
export const formatIssues = (errors: ContractIssue[]): string => errors.map((e) => `  ${e.pointer || "/"}: ${e.message} [${e.code}]`).join("\n");

/** Thrown by expectContract; its message lists every problem. */
export class ContractError extends Error {
  readonly result: ContractResult;
  constructor(result: ContractResult) {
    super(`value does not match the ${result.type} contract:\n${formatIssues(result.errors)}`);
    this.name = "ContractError";
    this.result = result;
  }
}

/** Drift seen during a run, by type: what the service sends that no source lists yet. */
export class DriftLog {
  private readonly seen = new Map<string, { type: string; pointer: string; kind: string; value: unknown; count: number }>();

  record(type: string, drift: ContractDrift[]): void {
    for (const d of drift) {
      const key = JSON.stringify([type, d.pointer.replace(/\/\d+(?=\/|$)/g, "/*"), d.kind, d.value]);
      const e = this.seen.get(key);
      if (e) e.count++;
      else this.seen.set(key, { type, pointer: d.pointer, kind: d.kind, value: d.value, count: 1 });
    }
  }

  entries(): { type: string; pointer: string; kind: string; value: unknown; count: number }[] {
    return [...this.seen.values()].sort((a, b) => (JSON.stringify([a.type, a.pointer, a.value]) < JSON.stringify([b.type, b.pointer, b.value]) ? -1 : 1));
  }

  clear(): void {
    this.seen.clear();
  }

  /** A short text for the end of a test run. */
  format(): string {
    const es = this.entries();
    if (es.length === 0) return "structgen contract drift: none";
    return [`structgen contract drift: ${es.length}`, ...es.map((e) => `  ${e.type} ${e.pointer}: ${e.kind} ${JSON.stringify(e.value)} (×${e.count})`)].join("\n");
  }

  /** Writes the drift report as JSON. */
  async write(file: string): Promise<void> {
    const { writeFile, mkdir } = await import("node:fs/promises");
    const path = await import("node:path");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify({ drift: this.entries() }, null, 2)}\n`);
  }
}

type Module = ValidatorModule & { sdkToWire(value: unknown): unknown };

/** True for an AWS SDK v3 output (it carries $metadata, or Dates where JSON has numbers). */
function sdkShaped(value: unknown, depth: number): boolean {
  if (value instanceof Date) return true;
  if (value === null || typeof value !== "object" || depth > 8) return false;
  if (depth === 0 && Object.prototype.hasOwnProperty.call(value, "$metadata")) return true;
  return Object.values(value).some((v) => sdkShaped(v, depth + 1));
}

/**
 * The value in the wire view: an SDK output converted, anything else as it is. Reading a hostile
 * value (a throwing getter, a Proxy, a revoked Proxy) never throws here; the validator then reports
 * what it cannot read.
 */
function wireView(mod: Module, value: unknown): unknown {
  try {
    return sdkShaped(value, 0) ? mod.sdkToWire(value) : value;
  } catch {
    return value;
  }
}

export interface Contract {
  checkContract(value: unknown, type: string, options?: ContractOptions): ContractResult;
  expectContract(value: unknown, type: string, options?: ContractOptions): ContractResult;
  drift: DriftLog;
  types: readonly string[];
}

/** Contract helpers over any generated validators module (`generated/<corpus>/validators.js`). */
export function createContract(mod: Module, drift = new DriftLog()): Contract {
  const types = Object.keys(mod.validators).sort();
  const checkContract = (value: unknown, type: string, options: ContractOptions = {}): ContractResult => {
    const validate = Object.prototype.hasOwnProperty.call(mod.validators, type) ? mod.validators[type] : undefined;
    if (!validate) throw new TypeError(`unknown contract type ${JSON.stringify(type)}`);
    const wire = wireView(mod, value);
    const r = validate(wire, { strict: options.strict === true }) as { valid: boolean; errors: ContractIssue[]; drift?: ContractDrift[] };
    const result: ContractResult = { type, valid: r.valid, errors: r.errors, drift: r.drift ?? [] };
    drift.record(type, result.drift);
    return result;
  };
  return {
    checkContract,
    expectContract(value, type, options) {
      const r = checkContract(value, type, options);
      if (!r.valid) throw new ContractError(r);
      return r;
    },
    drift,
    types,
  };
}

let bundled: Contract | undefined;

/** The contract of the bundled corpus (generated/<corpus> shipped with structgen). */
export async function bundledContract(corpus?: string): Promise<Contract> {
  if (corpus === undefined && bundled) return bundled;
  const c = createContract((await loadBundled(corpus)) as Module);
  if (corpus === undefined) bundled = c;
  return c;
}

const contract = await bundledContract();

/** Checks a raw JSON value or an SDK output against a type; never throws for bad data. */
export const checkContract = contract.checkContract;
/** Like checkContract, but throws a ContractError listing every problem. */
export const expectContract = contract.expectContract;
/** Drift collected by checkContract/expectContract/toMatchContract in this process. */
export const drift = contract.drift;
