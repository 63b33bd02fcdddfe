// Enum values: strings by code unit order, then the rest in source order (Array#sort is stable).
import type { EnumMember, EnumValue } from "../../ir/model.js";
import { cmp } from "../../diagnostics/diagnostic.js";

function compareValues(a: EnumValue, b: EnumValue): number {
  if (typeof a === "string" && typeof b === "string") return cmp(a, b);
  if (typeof a === "string") return -1;
  if (typeof b === "string") return 1;
  return 0;
}

export const sortEnumMembers = (members: EnumMember[]): EnumMember[] =>
  [...members].sort((a, b) => compareValues(a.value, b.value));
