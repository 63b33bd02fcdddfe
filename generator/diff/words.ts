// Changes in words, shared by the text and Markdown reports. Schema text (names, values, docs)
// can hold control and bidirectional characters: they are shown escaped, never raw.
import { KIND_LABEL, type Change, type Direction, type FactValue, type Impact } from "./change.js";
import type { CorpusDiff } from "./report.js";

// C0/C1 controls, DEL, bidi controls and line/paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const HAS_UNSAFE = new RegExp(UNSAFE.source);

export function plain(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const LONG = 60;

/** A fact as short text: words as they are; strings that could be read as something else quoted; long docs cut. */
export function show(v: FactValue): string {
  if (typeof v !== "string") return String(v);
  const cut = v.length > LONG ? `${v.slice(0, LONG - 1)}…` : v;
  const bare =
    /^[^\s"][^"]*$/.test(cut) && !/\s$/.test(cut) && !HAS_UNSAFE.test(cut) && !/^(?:-?\d|true$|false$|null$)/.test(cut);
  return bare ? cut : plain(JSON.stringify(cut));
}

/** "maxLength: 128 → 256", "EXTERNAL_PROVIDER", "" when the change has no facts. */
export function factsText(c: Change): string {
  const values =
    c.old !== undefined && c.new !== undefined
      ? `${show(c.old)} → ${show(c.new)}`
      : c.new !== undefined
        ? show(c.new)
        : c.old !== undefined
          ? show(c.old)
          : "";
  const detail = c.detail !== undefined ? plain(c.detail) : "";
  return detail && values ? `${detail}: ${values}` : detail || values;
}

export const label = (c: Change): string => KIND_LABEL[c.kind];

export const DIRECTION_WORDS: Record<Direction, string> = {
  read: "read only",
  write: "written only",
  both: "read and written",
  unknown: "direction unknown",
};

export const SEVERITY_TITLE: Record<Impact, string> = { breaking: "Breaking", warning: "Warning", safe: "Safe" };

export function countsText(counts: Record<Impact, number>): string {
  const total = counts.breaking + counts.warning + counts.safe;
  if (total === 0) return "no changes";
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [
    n(counts.breaking, "breaking", "breaking"),
    n(counts.warning, "warning", "warnings"),
    n(counts.safe, "safe", "safe"),
  ];
  return parts.join(", ");
}

/** Where the direction came from, and what counting both sides means. */
export function directionText(c: CorpusDiff): string {
  const ops =
    c.operations.old === c.operations.new ? `${c.operations.new}` : `${c.operations.old} → ${c.operations.new}`;
  if (c.operations.old === 0 && c.operations.new === 0) {
    return "Direction unknown: no authority model lists operations, so read and write both count toward severity.";
  }
  const unknown =
    c.unknownDirection > 0 ? ` ${c.unknownDirection} on types no operation reaches count both sides.` : "";
  const from = `Direction from the authority model's operations (${ops})`;
  return `${from}: inputs are written, outputs and errors read.${unknown}`;
}
