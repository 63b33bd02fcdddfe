// Contract emitter: the corpus's type names as a union (ContractType) and a contract bound to its
// validators, so a misspelt name is a compile error and editors complete it. "js": contract.js +
// contract.d.ts; "ts": contract.ts. Final text in prettier's layout; the union holds one fragment a type.
import type { Model, NamedType } from "../../ir/model.js";
import { bannerLines } from "../banner.js";
import type { OutputFile } from "../files.js";
import { tsKey, tsString } from "../typescript/literal.js";
import { stringWidth as textWidth } from "../width.js";

export interface ContractEmitOptions {
  flavour?: "js" | "ts";
}

const WIDTH = 120;
const ALIAS = "export type ContractType =";

/** A type's member of the union: its name as a string literal type. */
export const unionMember = (t: NamedType): string => tsString(t.name);

/**
 * `export type ContractType = …;` as prettier lays it out: on one line when it fits, else the members
 * on the next line when they fit there, else one `| member` a line.
 */
export function unionText(members: readonly string[]): string {
  if (members.length === 0) return `${ALIAS} never;`;
  const flat = members.join(" | ");
  if (textWidth(`${ALIAS} ${flat};`) <= WIDTH) return `${ALIAS} ${flat};`;
  if (members.length === 1 || textWidth(`  ${flat};`) <= WIDTH) return `${ALIAS}\n  ${flat};`;
  return `${ALIAS}\n${members.map((m) => `  | ${m}`).join("\n")};`;
}

/** `const corpus = "…";`, broken after `=` when it does not fit, as prettier does. */
function corpusLine(name: string): string {
  const line = `const corpus = ${tsString(name)};`;
  return textWidth(line) <= WIDTH ? line : `const corpus =\n  ${tsString(name)};`;
}

const UNION_DOC =
  "/** Every type name of this corpus: a misspelt name is a compile error, and editors complete them. */";

/** Adds the corpus to ContractCorpora, so toMatchContract (structgen/contract/vitest) takes its names. */
const augmentation = (model: Model): string[] => [
  `declare module "structgen/contract" {`,
  "  interface ContractCorpora {",
  `    ${tsKey(model.name)}: ContractType;`,
  "  }",
  "}",
];

function union(model: Model): string {
  return `${UNION_DOC}\n${unionText(model.types.map(unionMember))}`;
}

function contractJs(model: Model): string {
  return [
    `${bannerLines("js", model.name)}import { createContract } from "structgen/contract";`,
    `import * as validators from "./validators.js";`,
    "",
    corpusLine(model.name),
    "",
    "/** This corpus's contract: its validators, with its type names (ContractType in contract.d.ts). */",
    "export const contract = createContract(validators, { corpus });",
    "export const { checkContract, expectContract, drift, rootTypes, types } = contract;",
    "",
  ].join("\n");
}

function contractDts(model: Model): string {
  return [
    `${bannerLines("ts", model.name)}import type { Contract, DriftLog } from "structgen/contract";`,
    "",
    union(model),
    "",
    "/** This corpus's contract: its validators, with its type names. */",
    "export declare const contract: Contract<ContractType>;",
    "/** Checks a raw JSON value or an AWS SDK output against a type; never throws for bad data. */",
    `export declare const checkContract: Contract<ContractType>["checkContract"];`,
    "/** Like checkContract, but throws a ContractError listing every problem. */",
    `export declare const expectContract: Contract<ContractType>["expectContract"];`,
    "/** Drift (values and members no source lists) that this corpus's checks saw in this process. */",
    "export declare const drift: DriftLog;",
    "/** The root types (documents' own types, not error shapes). */",
    "export declare const rootTypes: readonly ContractType[];",
    "/** Every type name, sorted. */",
    "export declare const types: readonly ContractType[];",
    "",
    ...augmentation(model),
    "",
  ].join("\n");
}

function contractTs(model: Model): string {
  return [
    `${bannerLines("ts", model.name)}import { createContract, type Contract } from "structgen/contract";`,
    `import * as validators from "./validators.js";`,
    "",
    union(model),
    "",
    corpusLine(model.name),
    "",
    "/** This corpus's contract: its validators, with its type names. */",
    "export const contract: Contract<ContractType> = createContract<ContractType>(validators, { corpus });",
    "export const { checkContract, expectContract, drift, rootTypes, types } = contract;",
    "",
    ...augmentation(model),
    "",
  ].join("\n");
}

export function emitContract(model: Model, options: ContractEmitOptions = {}): OutputFile[] {
  if (options.flavour === "ts") return [{ path: "contract.ts", kind: "ts", content: contractTs(model), final: true }];
  return [
    { path: "contract.d.ts", kind: "ts", content: contractDts(model), final: true },
    { path: "contract.js", kind: "js", content: contractJs(model), final: true },
  ];
}
