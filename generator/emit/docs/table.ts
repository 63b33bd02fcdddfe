// GitHub-flavoured Markdown tables, aligned as prettier prints them: every column padded to its
// widest cell (at least 3, by stringWidth), the delimiter row all dashes. prettier aligns even when
// a row is wider than printWidth (with proseWrap "preserve"). Cells arrive escaped and on one line;
// the spaces a parser trims from a cell's edges are trimmed here.
import { stringWidth } from "../width.js";

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map(() => 3);
  const measured = [headers, ...rows].map((cells) =>
    cells.map((cell, c) => {
      const text = cell.replace(/^ +| +$/g, "");
      const width = stringWidth(text);
      if (width > widths[c]!) widths[c] = width;
      return { text, width };
    }),
  );
  const line = (cells: { text: string; width: number }[]): string =>
    `| ${cells.map(({ text, width }, c) => text + " ".repeat(widths[c]! - width)).join(" | ")} |`;
  const [head, ...body] = measured;
  return [line(head!), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...body.map(line)].join("\n");
}
