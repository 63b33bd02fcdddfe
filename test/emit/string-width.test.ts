// stringWidth is prettier's getStringWidth: same tables (read from the installed prettier) and
// the same answer for every code point, emoji sequence and random string.
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { stringWidth } from "../../generator/emit/width.js";
import * as tables from "../../generator/emit/width-tables.js";
import { prettierWidthTables, tablesModule } from "./prettier-width-tables.js";

const MODULE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../generator/emit/width-tables.ts");
const oracle = (s: string): number => prettier.util.getStringWidth(s);

describe("stringWidth", () => {
  it("uses the installed prettier's tables (UPDATE_WIDTH_TABLES=1 rewrites them)", async () => {
    const fresh = prettierWidthTables();
    if (process.env["UPDATE_WIDTH_TABLES"] === "1") await fs.writeFile(MODULE, tablesModule(fresh));
    expect(tables.EMOJI.source).toBe(fresh.emoji);
    expect(tables.EMOJI.flags).toBe("g");
    expect(tables.NARROW_EMOJI.source).toBe(fresh.narrowEmoji);
    expect(tables.FULLWIDTH).toEqual(fresh.fullwidth);
    expect(tables.WIDE).toEqual(fresh.wide);
  });

  it("agrees with prettier on every code point, alone and after a letter", () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (stringWidth(c) !== oracle(c) || stringWidth(`é${c}`) !== oracle(`é${c}`)) differ.push(cp.toString(16));
      if (differ.length > 10) break;
    }
    expect(differ).toEqual([]);
  });

  it.each([
    ["ASCII", "| `Id` | string |", 17],
    ["CJK", "名前", 4],
    ["combining marks", "e\u0301\u0302", 1],
    ["emoji with skin tone", "👍🏽", 2],
    ["ZWJ family", "👨‍👩‍👧", 2],
    ["flag", "🇯🇵", 2],
    ["keycap", "#️⃣", 2],
    ["text-style emoji", "©", 1],
    ["DEL beside ASCII", "a\x7f", 2],
    ["DEL beside non-ASCII", "é\x7f", 1],
  ])("%s", (_, text, width) => {
    expect(stringWidth(text)).toBe(width);
    expect(oracle(text)).toBe(width);
  });

  it("agrees with prettier on random text", () => {
    // Single code points that combine into emoji sequences, or not.
    const pieces = fc.constantFrom(...Array.from("a 名ｱ\u0301\u200d👍🏽🇯🇵\ufe0f#\u20e3©\x7f\t😀"));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme" }),
          fc.array(pieces).map((a) => a.join("")),
        ),
        (s) => {
          expect(stringWidth(s)).toBe(oracle(s));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
