// boto3 documentation pages saved as plain text: for each operation, the response's members,
// their kinds ("(string)", "(list)", "(datetime)", …) and descriptions. The descriptions list
// values ("Can be one of the following: • ACTIVE - …") and say "no longer supported".
// The pages never say which members are required.
import { readFile } from "node:fs/promises";
import { diagnostic, StructgenError, type Diagnostic, type SourceLocation } from "../../diagnostics/diagnostic.js";
import { escapePointerToken } from "../../load/parse-json.js";
import { decodeUtf8 } from "../../load/utf8.js";
import type { Evidence, MemberClaim, ShapeClaim, ShapeKind, SourceInfo } from "../evidence.js";
import { proseDeprecation, proseValues } from "../prose.js";

export interface Boto3DocsOptions {
  /**
   * Shape names from another source (botocore). boto3 spells operations in snake_case, which loses
   * the case of acronyms (describe_db_instances); a derived name that equals a known name
   * but for case takes the known spelling (DescribeDbInstancesResponse → DescribeDBInstancesResponse).
   */
  knownNames?: Iterable<string>;
}

/** boto3's type words. A "(dict)" whose entries have no names is a map. */
const KIND: Record<string, ShapeKind> = {
  string: "string",
  integer: "integer",
  long: "long",
  float: "number",
  double: "number",
  boolean: "boolean",
  datetime: "timestamp",
  list: "array",
  dict: "object",
  bytes: "blob",
  StreamingBody: "blob",
  document: "document",
};

/** The title line: "DynamoDB / Client / describe_table". */
const TITLE = /^\s*([A-Za-z0-9]+)\s*\/\s*Client\s*\/\s*([a-z0-9_]+)\s*$/;
/** A typed bullet: "• Name (string) –", "• (dict) –", possibly with text after the dash. */
const TYPED = /^•\s+(?:([A-Za-z0-9_.$:-]+)\s+)?\(([A-Za-z]+)\)\s*(?:[–—-]+\s*(.*))?$/;

export const operationShapeName = (operation: string): string =>
  operation
    .split("_")
    .filter((p) => p !== "")
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join("");

interface Line {
  /** 0-based index. */
  index: number;
  indent: number;
  text: string;
}

interface Bullet {
  line: Line;
  name: string | undefined;
  type: string;
  /** Text on the bullet's own line after the dash. */
  inline: string;
}

function typedBullet(line: Line): Bullet | undefined {
  const m = TYPED.exec(line.text);
  if (!m) return undefined;
  return { line, name: m[1], type: m[2]!, inline: m[3]?.trim() ?? "" };
}

/** Description paragraphs (wrapped lines joined), one per line; stops at the first typed bullet. */
function description(first: string, body: Line[]): { doc: string; rest: Line[] } {
  const paragraphs: string[] = [];
  let current: string[] = first ? [first] : [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(" "));
    current = [];
  };
  let i = 0;
  for (; i < body.length; i++) {
    const l = body[i]!;
    if (l.text === "") {
      flush();
      continue;
    }
    if (typedBullet(l)) break;
    // A value bullet ("• UNCONFIRMED - …") starts its own line, so list readers find it.
    if (l.text.startsWith("•")) flush();
    current.push(l.text);
  }
  flush();
  return { doc: paragraphs.join("\n"), rest: body.slice(i) };
}

export async function loadBoto3Docs(
  source: SourceInfo,
  files: { path: string; display: string }[],
  options: Boto3DocsOptions = {},
): Promise<Evidence> {
  const known = new Map<string, string>();
  for (const n of options.knownNames ?? []) known.set(n.toLowerCase(), n);
  const shapes = new Map<string, ShapeClaim>();
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    let text: string;
    try {
      const decoded = decodeUtf8(f.display, await readFile(f.path)); // invalid UTF-8 is an error, never U+FFFD
      if (!decoded.ok) {
        diagnostics.push(decoded.diagnostic);
        continue;
      }
      text = decoded.text;
    } catch (e) {
      diagnostics.push(
        diagnostic("FILE_UNREADABLE", { path: f.display, reason: (e as NodeJS.ErrnoException).code ?? String(e) }),
      );
      continue;
    }
    const page = parsePage(f.display, text);
    if ("error" in page) {
      diagnostics.push(page.error);
      continue;
    }
    if (!page.claim) continue;
    const claim = page.claim;
    claim.name = known.get(claim.name.toLowerCase()) ?? claim.name;
    const other = shapes.get(claim.name);
    if (other) {
      diagnostics.push(
        diagnostic("SCHEMA_NAME_DUPLICATE", { name: claim.name, other: other.at?.file ?? "" }, claim.at),
      );
      continue;
    }
    shapes.set(claim.name, claim);
  }
  if (diagnostics.length > 0) throw new StructgenError(diagnostics);
  return { source, shapes: new Map([...shapes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** One page: its response shape, or none when the operation returns nothing. */
export function parsePage(file: string, rawText: string): { claim: ShapeClaim | undefined } | { error: Diagnostic } {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  // CR LF, LF and a lone CR each end a line, as in every other position structgen reports.
  const lines: Line[] = text.split(/\r\n?|\n/).map((raw, index) => {
    const t = raw.replace(/\s+$/, "");
    const body = t.trimStart();
    return { index, indent: t.length - body.length, text: body };
  });
  const loc = (l: Line | undefined, pointer: string): SourceLocation => ({
    file,
    pointer,
    line: (l?.index ?? 0) + 1,
    column: (l?.indent ?? 0) + 1,
  });

  const titleLine = lines.find((l) => l.text !== "");
  const title = titleLine ? TITLE.exec(titleLine.text) : null;
  if (!title) {
    return {
      error: diagnostic(
        "SCHEMA_INVALID_TYPE",
        {
          actual: "a page without a title line such as “Service / Client / operation” (not a boto3 documentation page)",
        },
        loc(titleLine, ""),
      ),
    };
  }
  const name = `${operationShapeName(title[2]!)}Response`;

  const heading = lines.findIndex((l) => l.indent === 0 && l.text === "Response Structure");
  if (heading < 0) return { claim: undefined };
  const after = lines.slice(heading + 1);
  const rootAt = after.findIndex((l) => l.text !== "");
  const root = rootAt >= 0 ? typedBullet(after[rootAt]!) : undefined;
  const pointer = `/Response Structure`;
  if (!root || root.name !== undefined) {
    return {
      error: diagnostic(
        "SCHEMA_INVALID_TYPE",
        { actual: "a Response Structure that does not start with “• (dict) –”" },
        loc(after[rootAt], pointer),
      ),
    };
  }
  // The structure ends at the first line at or left of the root bullet (the exceptions, a heading).
  const d0 = root.line.indent;
  const rest = after.slice(rootAt + 1);
  const end = rest.findIndex((l) => l.text !== "" && l.indent <= d0);
  const body = end < 0 ? rest : rest.slice(0, end);

  const top = description(root.inline, body);
  const claim: ShapeClaim = { name, kind: "object", at: loc(root.line, pointer) };
  if (top.doc) claim.doc = top.doc;
  const dep = proseDeprecation(top.doc);
  if (dep !== undefined) claim.deprecated = dep;

  // Members: typed, named bullets at the indent of the first one.
  const first = top.rest.find((l) => typedBullet(l)?.name !== undefined);
  const members: Record<string, MemberClaim> = {};
  if (first) {
    const d1 = first.indent;
    const starts = top.rest.flatMap((l, i) => (l.indent === d1 && typedBullet(l)?.name !== undefined ? [i] : []));
    starts.forEach((s, k) => {
      const b = typedBullet(top.rest[s]!)!;
      const block = top.rest.slice(s + 1, starts[k + 1] ?? top.rest.length);
      const { doc, rest: children } = description(b.inline, block);
      const m: MemberClaim = { at: loc(b.line, `${pointer}/${escapePointerToken(b.name!)}`) };
      let kind = KIND[b.type];
      if (kind === "object") {
        // A map's entries are "• (string) –" key and value bullets without names.
        const child = children.map(typedBullet).find((c) => c !== undefined);
        if (child && child.name === undefined) kind = "map";
      }
      if (kind) m.kind = kind;
      if (doc) m.doc = doc;
      const mdep = proseDeprecation(doc);
      if (mdep !== undefined) m.deprecated = mdep;
      const pv = proseValues(doc);
      if (pv.length > 0) m.proseValues = pv;
      Object.defineProperty(members, b.name!, { value: m, enumerable: true, writable: true, configurable: true });
    });
  }
  claim.members = members;
  return { claim };
}
