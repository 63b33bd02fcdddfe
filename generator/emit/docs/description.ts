// Descriptions: parsed once by prose.ts, every piece of text escaped by quote.ts.
import { markdownCode, markdownText } from "../quote.js";
import { parseProse, proseToText } from "../prose.js";

/** A marker from data that would open a block where a paragraph or item starts ("- x", "1. x", "2) x"). */
const blockStart = (text: string): string => text.replace(/^-/, "\\-").replace(/^(\d+)([.)])/, "$1\\$2");

/**
 * Block Markdown: paragraphs separated by blank lines, list items as "- " on consecutive lines,
 * a blank line between a paragraph and a list (prettier puts one there).
 */
export function descriptionBlock(doc: string | undefined): string {
  let out = "";
  let previous: "p" | "li" | undefined;
  for (const p of parseProse(doc)) {
    // Trimmed again: prose.ts trims only the last segment, which may be dropped when empty.
    const text = blockStart(proseToText([{ ...p, kind: "p" }], markdownCode, markdownText).replace(/^ +| +$/g, ""));
    if (text === "") continue;
    if (previous) out += previous === "li" && p.kind === "li" ? "\n" : "\n\n";
    out += p.kind === "li" ? `- ${text}` : text;
    previous = p.kind;
  }
  return out;
}

/** One table cell: the same text with paragraph breaks flattened to spaces. */
export function descriptionCell(doc: string | undefined): string {
  return proseToText(parseProse(doc), markdownCode, markdownText)
    .replace(/\n+/g, " ")
    .replace(/^ +| +$/g, "");
}
