// Descriptions: parsed once by prose.ts, every piece of text escaped by quote.ts.
import { markdownCell, markdownCode, markdownText } from "../quote.js";
import { parseProse, proseToText } from "../prose.js";

/** Block Markdown: paragraphs separated by blank lines, list items as "- ". */
export function descriptionBlock(doc: string | undefined): string {
  return proseToText(parseProse(doc), markdownCode, markdownText);
}

/** One table cell: the same text with paragraph breaks flattened to spaces. */
export function descriptionCell(doc: string | undefined): string {
  return proseToText(parseProse(doc), markdownCode, markdownCell).replace(/\n+/g, " ");
}
