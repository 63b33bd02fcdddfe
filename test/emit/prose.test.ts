// summary() renders only a description's first paragraph: that is its first line only while no segment
// holds a line break (normalise collapses white space). markdownText collapses runs only where there are any.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProse, proseToText, summary } from "../../generator/emit/prose.js";
import { markdownText } from "../../generator/emit/quote.js";

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

describe("markdownText", () => {
  it("leaves no run of white space and no tab or line break, and keeps single spaces as they are", () => {
    const text = fc.array(fc.constantFrom(" ", "  ", "\t", "\r\n", "\n", "a", "b c", "*", "&"), { maxLength: 20 });
    fc.assert(
      fc.property(text, (parts) => {
        const out = markdownText(parts.join(""));
        expect(out).not.toMatch(/[ \t\r\n]{2}|[\t\r\n]/);
        expect(out.replace(/ /g, "")).toBe(markdownText(parts.join("").replace(/[ \t\r\n]/g, "")));
      }),
      { numRuns: 500 },
    );
  });
});
