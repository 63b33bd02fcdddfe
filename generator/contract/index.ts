// structgen/contract: contract checks for other repos' test suites. Light on purpose: it imports
// nothing of the compiler, and loads a corpus's generated validators only when a check asks for one.
import { diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean, suggest } from "../diagnostics/suggest.js";
import { bundledValidators, importModule, loadModuleSync } from "./bundled.js";

export interface ContractIssue {
  pointer: string;
  code: string;
  message: string;
}

export interface ContractDrift {
  pointer: string;
  kind: "unknown-value" | "unknown-property";
  value: unknown;
  known?: readonly string[];
}

export interface ContractResult<Name extends string = string> {
  type: Name;
  valid: boolean;
  errors: ContractIssue[];
  drift: ContractDrift[];
  /** Errors left out of `errors` by `maxErrors` (validators that cap their lists). */
  omitted?: number;
  /** Drift entries left out of `drift` by `maxErrors`. */
  driftOmitted?: number;
}

export interface ContractOptions {
  /** Reject drift (unknown enum values and members) instead of reporting it. */
  strict?: boolean;
  /** At most this many errors and drift entries are listed (the validators' default when absent). */
  maxErrors?: number;
}

/** One line per problem: "  /pointer: message [CODE]". */
export const formatIssues = (errors: readonly ContractIssue[]): string =>
  errors.map((e) => `  ${e.pointer || "/"}: ${e.message} [${e.code}]`).join("\n");

/** Thrown by expectContract; its message lists every problem. */
export class ContractError extends Error {
  readonly result: ContractResult;
  constructor(result: ContractResult) {
    super(`value does not match the ${result.type} contract:\n${formatIssues(result.errors)}`);
    this.name = "ContractError";
    this.result = result;
  }
}

type TypeErrorCode = "CONTRACT_UNKNOWN_TYPE" | "CONTRACT_AMBIGUOUS_TYPE" | "CONTRACT_NOT_REGISTERED";

/** A type name no (registered) corpus has, or several do: a mistake in the test, not in the data. */
export class ContractTypeError extends TypeError {
  readonly code: TypeErrorCode;
  readonly hint: string;
  /** The closest names, best first. */
  readonly suggestions: string[];
  constructor(code: TypeErrorCode, params: Record<string, string>, suggestions: string[] = []) {
    const d = diagnostic(code, params);
    super(d.message);
    this.name = "ContractTypeError";
    this.code = code;
    this.hint = d.hint;
    this.suggestions = suggestions;
  }
}

const show = (type: unknown): string => (typeof type === "string" ? JSON.stringify(type) : String(type));

/** The error for a name that is not among `names` (with the closest ones as suggestions). */
export function unknownTypeError(type: unknown, names: readonly string[], corpus?: string): ContractTypeError {
  const text = typeof type === "string" ? type : String(type);
  const params = { type: show(type), corpus: corpus ? ` in the ${corpus} corpus` : "" };
  return new ContractTypeError(
    "CONTRACT_UNKNOWN_TYPE",
    { ...params, suggestion: didYouMean(text, names) },
    suggest(text, names),
  );
}

/** Drift seen during a run, by type: what the service sends that no source lists yet. */
export class DriftLog {
  private readonly seen = new Map<
    string,
    { type: string; pointer: string; kind: string; value: unknown; count: number }
  >();

  record(type: string, drift: readonly ContractDrift[]): void {
    for (const d of drift) {
      const key = JSON.stringify([type, d.pointer.replace(/\/\d+(?=\/|$)/g, "/*"), d.kind, d.value]);
      const e = this.seen.get(key);
      if (e) e.count++;
      else this.seen.set(key, { type, pointer: d.pointer, kind: d.kind, value: d.value, count: 1 });
    }
  }

  entries(): { type: string; pointer: string; kind: string; value: unknown; count: number }[] {
    const key = (e: { type: string; pointer: string; value: unknown }) => JSON.stringify([e.type, e.pointer, e.value]);
    return [...this.seen.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  }

  clear(): void {
    this.seen.clear();
  }

  /** A short text for the end of a test run. */
  format(): string {
    const es = this.entries();
    if (es.length === 0) return "structgen contract drift: none";
    const line = (e: (typeof es)[number]) =>
      `  ${e.type} ${e.pointer}: ${e.kind} ${JSON.stringify(e.value)} (×${e.count})`;
    return [`structgen contract drift: ${es.length}`, ...es.map(line)].join("\n");
  }

  /** Writes the drift report as JSON. */
  async write(file: string): Promise<void> {
    const { writeFile, mkdir } = await import("node:fs/promises");
    const path = await import("node:path");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify({ drift: this.entries() }, null, 2)}\n`);
  }
}

/** What a validate function of a generated validators module returns. */
export interface ValidatorOutcome {
  valid: boolean;
  errors: readonly ContractIssue[];
  drift?: readonly ContractDrift[];
  omitted?: number;
  driftOmitted?: number;
}

/** A generated validators module (`generated/<corpus>/validators.js`), or the parts a contract uses. */
export interface ValidatorsModule {
  readonly validators: Readonly<Record<string, (value: unknown, options?: ContractOptions) => ValidatorOutcome>>;
  readonly rootTypes?: readonly string[];
  /** Turns an AWS SDK v3 output into the wire view; without it values are checked as they are. */
  sdkToWire?(value: unknown): unknown;
}

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
function wireView(mod: ValidatorsModule, value: unknown): unknown {
  try {
    return mod.sdkToWire && sdkShaped(value, 0) ? mod.sdkToWire(value) : value;
  } catch {
    return value;
  }
}

/** Contract helpers bound to one corpus; `Name` is its type names (a generated contract's ContractType). */
export interface Contract<Name extends string = string> {
  /** The corpus's name, when the contract was given one. */
  readonly corpus: string | undefined;
  /** Every type name, sorted. */
  readonly types: readonly Name[];
  /** The corpus's root types (documents' own types, not error shapes). */
  readonly rootTypes: readonly Name[];
  /** Checks a raw JSON value or an SDK output against a type; never throws for bad data. */
  checkContract(value: unknown, type: Name, options?: ContractOptions): ContractResult<Name>;
  /** Like checkContract, but throws a ContractError listing every problem. */
  expectContract(value: unknown, type: Name, options?: ContractOptions): ContractResult<Name>;
  /** Drift this contract's checks saw. */
  readonly drift: DriftLog;
}

export interface ContractSettings {
  /** Where drift is collected (default: a new log for this contract). */
  drift?: DriftLog;
  /** The corpus's name, for messages. */
  corpus?: string;
}

/**
 * Contract helpers over any generated validators module. A misspelt type name throws a
 * ContractTypeError suggesting the closest names.
 */
export function createContract<Name extends string = string>(
  mod: ValidatorsModule,
  settings: DriftLog | ContractSettings = {},
): Contract<Name> {
  const { drift = new DriftLog(), corpus } = settings instanceof DriftLog ? { drift: settings } : settings;
  const table = mod.validators;
  const types = Object.freeze(Object.keys(table).sort()) as readonly Name[];
  const rootTypes = Object.freeze([...(mod.rootTypes ?? [])]) as readonly Name[];
  const checkContract = (value: unknown, type: Name, options: ContractOptions = {}): ContractResult<Name> => {
    const validate =
      typeof type === "string" && Object.prototype.hasOwnProperty.call(table, type) ? table[type] : undefined;
    if (!validate) throw unknownTypeError(type, types, corpus);
    const wire = wireView(mod, value);
    const limit = options.maxErrors === undefined ? {} : { maxErrors: options.maxErrors };
    const r = validate(wire, { strict: options.strict === true, ...limit });
    const result: ContractResult<Name> = { type, valid: r.valid, errors: [...r.errors], drift: [...(r.drift ?? [])] };
    if (r.omitted) result.omitted = r.omitted;
    if (r.driftOmitted) result.driftOmitted = r.driftOmitted;
    drift.record(type, result.drift);
    return result;
  };
  return {
    corpus,
    types,
    rootTypes,
    checkContract,
    expectContract(value, type, options) {
      const r = checkContract(value, type, options);
      if (!r.valid) throw new ContractError(r);
      return r;
    },
    drift,
  };
}

/**
 * The type names of each corpus whose generated contract is part of the program, by corpus name.
 * Each generated contract.d.ts (or contract.ts) adds its corpus here, so toMatchContract
 * (structgen/contract/vitest) accepts exactly those names.
 */
export interface ContractCorpora {}

/** The names of every corpus in ContractCorpora; any string when no generated contract is in the program. */
export type RegisteredContractType = [keyof ContractCorpora] extends [never]
  ? string
  : ContractCorpora[keyof ContractCorpora] & string;

/** Drift collected by the bundled corpus's checks (checkContract, expectContract, toMatchContract) in this process. */
export const drift = new DriftLog();

/** Bundled contracts by corpus name; "" is the default one, so a plain check reads no folder after the first. */
const bundled = new Map<string, Contract>();

/** The contract of a bundled corpus, created once from its module (`load` runs only the first time). */
function settle(corpus: string | undefined, name: string, load: () => unknown): Contract {
  let c = bundled.get(name);
  if (!c) bundled.set(name, (c = createContract(load() as ValidatorsModule, { drift, corpus: name })));
  if (corpus === undefined) bundled.set("", c);
  return c;
}

/** The contract of a corpus bundled with structgen (the only one when no name is given), loaded now. */
export async function bundledContract(corpus?: string): Promise<Contract> {
  const known = bundled.get(corpus ?? "");
  if (known) return known;
  const { name, file } = bundledValidators(corpus);
  const mod = bundled.has(name) ? undefined : await importModule(file);
  return settle(corpus, name, () => mod);
}

/** bundledContract, loaded synchronously (for the plain checkContract and toMatchContract). */
export function bundledContractSync(corpus?: string): Contract {
  const known = bundled.get(corpus ?? "");
  if (known) return known;
  const { name, file } = bundledValidators(corpus);
  return settle(corpus, name, () => loadModuleSync(file));
}

/** Checks a raw JSON value or an SDK output against a bundled type (loaded on first use); never throws for bad data. */
export function checkContract(value: unknown, type: string, options?: ContractOptions): ContractResult {
  return bundledContractSync().checkContract(value, type, options);
}

/** Like checkContract, but throws a ContractError listing every problem. */
export function expectContract(value: unknown, type: string, options?: ContractOptions): ContractResult {
  return bundledContractSync().expectContract(value, type, options);
}
