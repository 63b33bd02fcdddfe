// The tables behind prettier's getStringWidth (emoji-regex, narrow-emojis, get-east-asian-width),
// read from the installed prettier, and the module text generator/emit/width-tables.ts
// is rendered from. Table cells are padded to that width, so ours must be the same.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface WidthTables {
  version: string;
  emoji: string;
  narrowEmoji: string;
  fullwidth: number[];
  wide: number[];
}

function grab(text: string, re: RegExp, what: string): string {
  const m = re.exec(text);
  if (!m) throw new Error(`prettier's ${what} not found: its bundle changed shape`);
  return m[1]!;
}

export function prettierWidthTables(): WidthTables {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("prettier/package.json");
  const text = readFileSync(path.join(path.dirname(pkg), "index.mjs"), "utf8");
  const numbers = (s: string): number[] => s.split(",").map((n) => Number(n.trim()));
  return {
    version: (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version,
    emoji: grab(text, /var emoji_regex_default = \(\) => \{\n {2}return \/(.*)\/g;\n\};/, "emoji regex"),
    narrowEmoji: grab(text, /var narrowEmojiRegexp = \/(.*)\/;\n/, "narrow emoji regex"),
    fullwidth: numbers(grab(text, /var fullwidthRanges = \[([^\]]*)\]/, "fullwidth ranges")),
    wide: numbers(grab(text, /var wideRanges = \[([^\]]*)\]/, "wide ranges")),
  };
}

/** Splits text into lines of at most `width` characters (never inside a `\u` escape). */
function chunks(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const unit of text.match(/\\u[0-9A-Fa-f]{4}|\\.|[^\\]/gs) ?? []) {
    if (line.length + unit.length > width) {
      out.push(line);
      line = "";
    }
    line += unit;
  }
  if (line) out.push(line);
  return out;
}

function numberLines(values: number[]): string {
  const out: string[] = [];
  let line = "";
  for (const v of values) {
    const item = `${v},`;
    if (line.length + item.length + 1 > 116) {
      out.push(`  ${line.trimEnd()}`);
      line = "";
    }
    line += `${item} `;
  }
  if (line) out.push(`  ${line.trimEnd()}`);
  return out.join("\n");
}

export function tablesModule(t: WidthTables): string {
  return `// Generated from prettier ${t.version}'s getStringWidth tables by test/emit/string-width.test.ts
// (UPDATE_WIDTH_TABLES=1 rewrites it): emoji-regex, narrow-emojis and get-east-asian-width, all MIT.
// Do not edit by hand.

/** RGI emoji and their text forms (emoji-regex): each counts 2, or 1 when narrow. */
export const EMOJI = new RegExp(
  String.raw\`
${chunks(t.emoji, 118).join("\n")}
\`.replace(/\\n/g, ""),
  "g",
);

/** Emoji shown as text by default (narrow-emojis): 1 column. */
export const NARROW_EMOJI = new RegExp(
  String.raw\`
${chunks(t.narrowEmoji, 118).join("\n")}
\`.replace(/\\n/g, ""),
);

/** East Asian Width F and W code point ranges, as [start, end] pairs: 2 columns. */
export const FULLWIDTH: readonly number[] = [
${numberLines(t.fullwidth)}
];

export const WIDE: readonly number[] = [
${numberLines(t.wide)}
];
`;
}
