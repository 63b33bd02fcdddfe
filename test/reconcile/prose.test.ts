// Deprecation found in prose: the sentence that says so, wherever tags and line breaks fall in it.
import { describe, expect, it } from "vitest";
import { proseDeprecation } from "../../generator/reconcile/prose.js";

describe("proseDeprecation", () => {
  it.each([
    ["<p>This parameter is no longer <b>supported</b>. Use X.</p>", "This parameter is no longer supported ."],
    ["First.\nThis field is\n  DEPRECATED  and kept. Last.", "This field is DEPRECATED and kept."],
    ["<p>Deprecated<br/>since 2020.</p>", "Deprecated since 2020."],
    ["Values are <code>SUPPORTED</code> or not.", undefined],
    ["Deprecated in favor of nothing? deprecated by no one.", "Deprecated in favor of nothing?"],
    ["Nothing to see.", undefined],
    ["depre<i>cated</i> is no longer sup<i>ported</i>", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%j", (text, sentence) => {
    expect(proseDeprecation(text)).toBe(sentence);
  });
});
