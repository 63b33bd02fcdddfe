// summary() renders only a description's first paragraph: that is its first line only while no segment
// holds a line break (normalise collapses white space). Random HTML-ish text holds it to that.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProse, proseToText, summary } from "../../generator/emit/prose.js";

const piece = fc.constantFrom(
  "<p>",
  "</p>",
  "<li>",
  "</li>",
  "<ul>",
  "</ul>",
  "<code>",
  "</code>",
  "<br/>",
  "&#10;",
  "&#x0a;",
  "&amp;",
  "\n",
  "\r\n",
  "\t",
  " ",
  ". ",
  "! ",
  "?",
  "- ",
  "a sentence of some length",
  "word",
  "x.y",
  "`",
);
const html = fc.array(piece, { maxLength: 30 }).map((p) => p.join(""));

describe("prose summary", () => {
  it("the first line of a description's text is its first paragraph", () => {
    fc.assert(
      fc.property(html, (input) => {
        const all = proseToText(parseProse(input), (s) => s);
        const first = proseToText(parseProse(input).slice(0, 1), (s) => s);
        expect(all.split("\n")[0]).toBe(first);
        expect(first.startsWith(summary(input))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("a long description is parsed once for all its readers (the same paragraphs object)", () => {
    const long = "<p>word </p>".repeat(4000);
    expect(parseProse(long)).toBe(parseProse(long));
    expect(parseProse(`${long}x`)).not.toBe(parseProse(long));
  });
});
