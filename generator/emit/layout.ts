// A line-layout engine: the subset of prettier's document model and printer that the TypeScript
// and JSON printers need (groups that break as a whole, indentation, soft lines, if-break, fill).
// The printer is prettier's algorithm, so for the same document it breaks lines where prettier would.
import { stringWidth as textWidth } from "./width.js";

export type Doc = string | Doc[] | Group | Indent | Line | IfBreak | IndentIfBreak | BreakParent | Fill;

interface Group {
  t: "group";
  contents: Doc;
  break: boolean;
  id?: symbol;
}
interface Indent {
  t: "indent";
  contents: Doc;
  /** Spaces added: 2 for indent, n for align. */
  by: number;
}
interface Line {
  t: "line";
  soft?: true;
  hard?: true;
}
interface IfBreak {
  t: "if-break";
  breakContents: Doc;
  flatContents: Doc;
  groupId?: symbol;
}
interface IndentIfBreak {
  t: "indent-if-break";
  contents: Doc;
  groupId: symbol;
}
interface BreakParent {
  t: "break-parent";
}
/** Content and separators alternating; as many contents a line as fit. `from`: parts already printed. */
interface Fill {
  t: "fill";
  parts: Doc[];
  from: number;
}

export const line: Line = { t: "line" };
export const softline: Line = { t: "line", soft: true };
export const hardline: Doc = [{ t: "line", hard: true }, { t: "break-parent" }];

export const group = (contents: Doc, opts: { shouldBreak?: boolean; id?: symbol } = {}): Group => ({
  t: "group",
  contents,
  break: opts.shouldBreak ?? false,
  ...(opts.id ? { id: opts.id } : {}),
});
export const indent = (contents: Doc): Indent => ({ t: "indent", contents, by: 2 });
export const align = (by: number, contents: Doc): Indent => ({ t: "indent", contents, by });
export const ifBreak = (breakContents: Doc, flatContents: Doc = "", groupId?: symbol): IfBreak => ({
  t: "if-break",
  breakContents,
  flatContents,
  ...(groupId ? { groupId } : {}),
});
export const indentIfBreak = (contents: Doc, groupId: symbol): IndentIfBreak => ({
  t: "indent-if-break",
  contents,
  groupId,
});

export const fill = (parts: Doc[]): Fill => ({ t: "fill", parts, from: 0 });

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((d, i) => {
    if (i > 0) out.push(separator);
    out.push(d);
  });
  return out;
}

const BREAK = 1;
const FLAT = 2;
type Mode = typeof BREAK | typeof FLAT;
interface Command {
  ind: number;
  mode: Mode;
  doc: Doc;
}

/** A group containing a hard line (or an already broken group) breaks, and so do its ancestors. */
function propagateBreaks(doc: Doc, stack: Group[] = []): void {
  if (typeof doc === "string") return;
  if (Array.isArray(doc)) {
    for (const d of doc) propagateBreaks(d, stack);
    return;
  }
  switch (doc.t) {
    case "break-parent": {
      const parent = stack.at(-1);
      if (parent) parent.break = true;
      return;
    }
    case "group":
      stack.push(doc);
      propagateBreaks(doc.contents, stack);
      stack.pop();
      if (doc.break && stack.length > 0) stack.at(-1)!.break = true;
      return;
    case "indent":
    case "indent-if-break":
      propagateBreaks(doc.contents, stack);
      return;
    case "if-break":
      propagateBreaks(doc.breakContents, stack);
      propagateBreaks(doc.flatContents, stack);
      return;
    case "fill":
      propagateBreaks(doc.parts, stack);
      return;
    case "line":
      return;
  }
}

/** Whether `next` fits in `width` columns, reading on into `rest` up to the first line break. */
function fits(next: Command, rest: Command[], width: number, modes: Map<symbol, Mode>, mustBeFlat = false): boolean {
  let restIndex = rest.length;
  const cmds: { mode: Mode; doc: Doc }[] = [next];
  while (width >= 0) {
    if (cmds.length === 0) {
      if (restIndex === 0) return true;
      cmds.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = cmds.pop()!;
    if (typeof doc === "string") {
      width -= textWidth(doc);
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push({ mode, doc: doc[i]! });
    } else {
      switch (doc.t) {
        case "fill":
          for (let i = doc.parts.length - 1; i >= doc.from; i--) cmds.push({ mode, doc: doc.parts[i]! });
          break;
        case "indent":
        case "indent-if-break":
          cmds.push({ mode, doc: doc.contents });
          break;
        case "group":
          if (mustBeFlat && doc.break) return false;
          cmds.push({ mode: doc.break ? BREAK : mode, doc: doc.contents });
          break;
        case "if-break": {
          const m = doc.groupId ? (modes.get(doc.groupId) ?? FLAT) : mode;
          cmds.push({ mode, doc: m === BREAK ? doc.breakContents : doc.flatContents });
          break;
        }
        case "line":
          if (mode === BREAK || doc.hard) return true;
          if (!doc.soft) width -= 1;
          break;
        case "break-parent":
          break;
      }
    }
  }
  return false;
}

/**
 * Prints a document at `printWidth` columns, indenting with spaces. `startIndent`: the document
 * starts that far in (its first line's indentation is the caller's), as a part of a larger one.
 */
export function printDoc(doc: Doc, printWidth = 120, startIndent = 0): string {
  propagateBreaks(doc);
  const modes = new Map<symbol, Mode>();
  const cmds: Command[] = [{ ind: startIndent, mode: BREAK, doc }];
  const out: string[] = [];
  let pos = startIndent;
  let remeasure = false;
  while (cmds.length > 0) {
    const { ind, mode, doc } = cmds.pop()!;
    if (typeof doc === "string") {
      out.push(doc);
      pos += textWidth(doc);
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: doc[i]! });
      continue;
    }
    switch (doc.t) {
      case "indent":
        cmds.push({ ind: ind + doc.by, mode, doc: doc.contents });
        break;
      case "group": {
        let next: Command;
        if (mode === FLAT && !remeasure) {
          next = { ind, mode: doc.break ? BREAK : FLAT, doc: doc.contents };
        } else {
          remeasure = false;
          const flat: Command = { ind, mode: FLAT, doc: doc.contents };
          next =
            !doc.break && fits(flat, cmds, printWidth - pos, modes) ? flat : { ind, mode: BREAK, doc: doc.contents };
        }
        cmds.push(next);
        if (doc.id) modes.set(doc.id, next.mode);
        break;
      }
      case "if-break":
      case "indent-if-break": {
        const m = doc.groupId ? modes.get(doc.groupId) : mode;
        if (doc.t === "if-break") {
          const contents = m === BREAK ? doc.breakContents : m === FLAT ? doc.flatContents : "";
          cmds.push({ ind, mode, doc: contents });
        } else if (m !== undefined) {
          cmds.push({ ind: m === BREAK ? ind + 2 : ind, mode, doc: doc.contents });
        }
        break;
      }
      case "line":
        if (mode === FLAT && !doc.hard) {
          if (!doc.soft) {
            out.push(" ");
            pos += 1;
          }
          break;
        }
        if (mode === FLAT) remeasure = true;
        trimTrailingSpace(out);
        out.push(`\n${" ".repeat(ind)}`);
        pos = ind;
        break;
      case "fill":
        printFill(doc, ind, mode, cmds, printWidth - pos, modes);
        break;
      case "break-parent":
        break;
    }
  }
  return out.join("");
}

/** Lays out the next content of a fill: flat if it fits, its separator broken if the next one does not. */
function printFill(doc: Fill, ind: number, mode: Mode, cmds: Command[], width: number, modes: Map<symbol, Mode>): void {
  const left = doc.parts.length - doc.from;
  if (left === 0) return;
  const content = doc.parts[doc.from]!;
  const contentFits = fits({ ind, mode: FLAT, doc: content }, [], width, modes, true);
  if (left === 1) {
    cmds.push({ ind, mode: contentFits ? FLAT : BREAK, doc: content });
    return;
  }
  const separator = doc.parts[doc.from + 1]!;
  if (left === 2) {
    const m = contentFits ? FLAT : BREAK;
    cmds.push({ ind, mode: m, doc: separator }, { ind, mode: m, doc: content });
    return;
  }
  const pair: Doc = [content, separator, doc.parts[doc.from + 2]!];
  const pairFits = fits({ ind, mode: FLAT, doc: pair }, [], width, modes, true);
  cmds.push({ ind, mode, doc: { ...doc, from: doc.from + 2 } });
  cmds.push(
    { ind, mode: pairFits ? FLAT : BREAK, doc: separator },
    { ind, mode: contentFits ? FLAT : BREAK, doc: content },
  );
}

function trimTrailingSpace(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const end = last.charCodeAt(last.length - 1);
    if (last.length > 0 && end !== 32 && end !== 9) return;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
