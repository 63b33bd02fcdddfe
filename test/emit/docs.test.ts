import { describe, expect, it } from "vitest";
import { emitDocs } from "../../generator/emit/docs/index.js";
import type { OutputFile } from "../../generator/emit/files.js";
import type { Model } from "../../generator/ir/model.js";
import { referrers } from "../../generator/ir/walk.js";
import { arr, enm, map, member, model, named, obj, prim, ref, set, union } from "../helpers/ir.js";

const HOSTILE = "Hi </p><script>alert(1)</script> &lt;script&gt;x&lt;/script&gt; a|b `tick` ``two`` */ line\nbreak [x](javascript:alert(1)) <img src=x onerror=y>";

/** A small corpus: a root order with a ref, a list of inline objects, an enum, an error and aliases. */
const shop: Model = model("shop", [
  named(
    "Order",
    obj([
      member("Id", prim("string", { minLength: 1, maxLength: 36, pattern: { source: "^[a-z|`]+$", unicode: false } }), true),
      member("Customer", ref("Customer"), true, { doc: "Who <b>placed</b> it." }),
      member("Items", arr(obj([member("Name", prim("string"), true), member("Qty", prim("int32", { minimum: 1 }))])), true),
      member("Status", ref("Status")),
      member("Tags", map(prim("string"))),
      member("Codes", set(prim("int32"))),
      member("Note", union(prim("string"), ref("Customer"), prim("null")), false, { doc: HOSTILE, deprecated: "use `Notes` | other" }),
      member("Placed", prim("datetime")),
    ], false),
    { root: true, doc: "<p>An order. Placed by a customer.</p><ul><li>one</li><li>two <code>x|y</code></li></ul>" },
  ),
  named("Customer", obj([member("Name", prim("string"), true)]), { doc: "A customer." }),
  named("Status", enm(["shipped", "Pending", 3, "a`b", "new", null, HOSTILE, true])),
  named("NotFound", obj([member("message", prim("string"))]), { role: "error", doc: HOSTILE }),
  named("Sku", prim("string", { pattern: { source: "^(a|b)``c</script>$", unicode: false }, maxLength: 8 })),
  named("Skus", arr(ref("Sku"), { minItems: 1 })),
  // A regex for a literal pipe, and text with a backslash before a pipe.
  named("Pipe", prim("string", { pattern: { source: "^a\\|b$", unicode: false } }), { doc: "a\\|b" }),
  named("Weird$Name", ref("Customer"), { sourceName: "ns/Weird$Name" }),
]);

const byPath = (files: OutputFile[]): Map<string, string> => new Map(files.map((f) => [f.path, f.content]));
const out = byPath(emitDocs(shop));
const page = (name: string): string => {
  const content = out.get(`docs/types/${name}.md`);
  if (content === undefined) throw new Error(`no page for ${name}`);
  return content;
};
/** Table rows of a page: lines starting with a pipe. */
const tableRows = (md: string): string[] => md.split("\n").filter((l) => l.startsWith("|"));
/** Cell count as cmark-gfm (GitHub) splits rows: any pipe right after a backslash is escaped. */
const cellCount = (row: string): number => row.split(/(?<!\\)\|/).length - 2;
/** The body of a page's Mermaid block. */
const mermaid = (md: string): string => {
  const m = /^```mermaid\n([\s\S]*?)\n```$/m.exec(md);
  if (!m) throw new Error("no Mermaid block");
  return m[1]!;
};
/** What a CommonMark reader sees outside code: drops code spans (runs of n backticks closed by exactly n) and fences. */
function outsideCode(md: string): string {
  const text = md.replace(/^```mermaid\n[\s\S]*?\n```$/gm, "");
  let out = "";
  for (let i = 0; i < text.length; ) {
    if (text[i] === "\\") {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    const run = /^`+/.exec(text.slice(i))?.[0];
    if (!run) {
      out += text[i++];
      continue;
    }
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, "g");
    close.lastIndex = i + run.length;
    const end = close.exec(text);
    if (end) i = end.index + run.length;
    else {
      out += run;
      i += run.length;
    }
  }
  return out;
}
const row = (md: string, first: string): string | undefined => tableRows(md).find((l) => l.startsWith(`| ${first} |`));

describe("emitDocs", () => {
  it("writes README.md and one page per type, all kind md", () => {
    const files = emitDocs(shop);
    expect(files.map((f) => f.path)).toEqual([
      "docs/README.md",
      ...["Customer", "NotFound", "Order", "Pipe", "Sku", "Skus", "Status", "Weird_Name"].map((n) => `docs/types/${n}.md`),
    ]);
    expect(files.every((f) => f.kind === "md")).toBe(true);
  });

  it("is deterministic", () => {
    expect(emitDocs(shop)).toEqual(emitDocs(shop));
    // Input order must not matter either.
    expect(emitDocs({ ...shop, types: [...shop.types].reverse() })).toEqual(emitDocs(shop));
  });

  it.each([
    ["root shapes", "## Root shapes", "| [Order](types/Order.md) | object | An order. Placed by a customer. |"],
    ["error shapes", "## Error shapes", "| [NotFound](types/NotFound.md) | object |"],
    ["other types", "## Other types", "| [Customer](types/Customer.md) | object | A customer. |"],
    ["aliases", "## Other types", "| [Weird$Name](types/Weird_Name.md) | alias |"],
  ])("index lists %s", (_, heading, line) => {
    const readme = out.get("docs/README.md")!;
    expect(readme.startsWith("# shop\n\n8 types: 1 root shape, 1 error shape, 6 other types.")).toBe(true);
    expect(readme).toContain(heading);
    expect(readme).toContain(line);
  });

  it.each([
    ["required ref with link", "`Customer`", "| `Customer` | [Customer](Customer.md) | yes |  | Who placed it. |"],
    ["string with constraints", "`Id`", "| `Id` | string | yes | minLength: 1, maxLength: 36, pattern: ``^[a-z\\|`]+$`` |  |"],
    ["array of inline objects", "`Items`", "| `Items` | object[] | yes |  |  |"],
    ["nested row", "`Items[].Name`", "| `Items[].Name` | string | yes |  |  |"],
    ["nested constraints", "`Items[].Qty`", "| `Items[].Qty` | int32 | no | minimum: 1 |  |"],
    ["map", "`Tags`", "| `Tags` | map\\<string, string\\> | no |  |  |"],
    ["set", "`Codes`", "| `Codes` | set\\<int32\\> | no |  |  |"],
    ["primitive by name", "`Placed`", "| `Placed` | datetime | no |  |  |"],
  ])("fields table: %s", (_, first, expected) => {
    expect(row(page("Order"), first)).toBe(expected);
  });

  it("renders unions and deprecation in the fields table", () => {
    const note = row(page("Order"), "`Note`")!;
    expect(note).toContain("| string \\| [Customer](Customer.md) \\| null | no |");
    expect(note).toContain("**Deprecated** (use \\`Notes\\` \\| other)");
    expect(page("Order")).toContain("No additional properties.");
  });

  it("sorts enum values: strings by code unit, then the rest in source order", () => {
    const rows = tableRows(page("Status")).slice(2);
    const expected = ['`"Hi ', '`"Pending"`', '``"a`b"``', '`"new"`', '`"shipped"`', "`3`", "`null`", "`true`"];
    expect(rows).toHaveLength(expected.length);
    rows.forEach((r, i) => expect(r.startsWith(`| ${expected[i]}`) || r.startsWith(`| \`\`\`${expected[i]!.slice(1)}`), r).toBe(true));
  });

  it("renders definitions with constraints for primitives and arrays", () => {
    expect(page("Sku")).toContain("| Type | string |");
    expect(page("Sku")).toContain("| maxLength | 8 |");
    expect(page("Sku")).toContain("| pattern | ```^(a\\|b)``c</script>$``` |");
    expect(page("Skus")).toContain("| Type | [Sku](Sku.md)[] |");
    expect(page("Skus")).toContain("| minItems | 1 |");
    expect(page("Pipe")).toContain("| pattern | `^a\\\\|b$` |");
  });

  it("renders descriptions, badges, referrers and source", () => {
    const order = page("Order");
    expect(order).toContain("# Order\n\n**Root**\n\nAn order. Placed by a customer.\n- one\n- two `x\\|y`\n\n## Fields");
    expect(page("NotFound")).toContain("**Error shape**");
    expect(page("Customer")).toContain("## Referenced by\n\n- [Order](Order.md)\n- [Weird$Name](Weird_Name.md)");
    expect(order).toContain("Not referenced by other types.");
    expect(order).toContain("Source: `schemas/Order.json:1:1`");
    expect(page("Weird_Name")).toContain("(`ns/Weird$Name`)");
  });

  it("lists the same referrers as walk.ts", () => {
    for (const t of shop.types) {
      const listed = [...page(t.name === "Weird$Name" ? "Weird_Name" : t.name).matchAll(/^- \[([^\]]+)\]/gm)].map((m) => m[1]!.replace("\\$", "$"));
      expect(listed).toEqual(referrers(shop, t.name));
    }
  });

  describe("hostile text", () => {
    const all = [...out.values()].join("\n");

    it("produces no HTML and no links from schema text", () => {
      // Hostile values do appear verbatim, but only inside code spans, where they are text.
      const visible = outsideCode(all);
      expect(visible).not.toMatch(/<script/i);
      expect(visible).not.toMatch(/<img/i);
      expect(visible).not.toMatch(/<\/?p>/i);
      expect(visible).not.toMatch(/\]\(javascript:/i);
      // Angle brackets outside code are always escaped (`\<` or an entity).
      expect(visible).not.toMatch(/(?<!\\)</);
      // The only links are ours: to pages by slug.
      for (const m of visible.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) expect(m[1]).toMatch(/^(types\/)?[A-Za-z0-9_-]+\.md$/);
    });

    it("keeps hostile text in code spans intact", () => {
      expect(outsideCode(page("Status"))).not.toContain("Hi");
    });

    it("keeps every table row at its header's column count", () => {
      for (const [path, md] of out) {
        const lines = md.split("\n");
        let columns = 0;
        for (const [i, line] of lines.entries()) {
          if (!line.startsWith("|")) columns = 0;
          else if (columns === 0) columns = cellCount(line);
          else expect(cellCount(line), `${path}:${i + 1}: ${line}`).toBe(columns);
        }
      }
    });

    it("wraps backticks in a longer fence", () => {
      expect(page("Status")).toContain('``"a`b"``');
      expect(page("Status")).toContain("```\"Hi </p><script>alert(1)</script> &lt;script&gt;x&lt;/script&gt; a\\|b `tick` ``two`` */ line\\nbreak [x](javascript:alert(1)) <img src=x onerror=y>\"``` |");
      expect(page("NotFound")).toContain("\\`tick\\` \\`\\`two\\`\\`");
    });
  });

  it("draws a Mermaid diagram of direct neighbours with sanitized ids", () => {
    const block = mermaid(page("Customer"));
    const lines = block.split("\n");
    expect(lines[0]).toBe("flowchart LR");
    expect(lines.slice(1)).toEqual([
      '  t_Customer["Customer"]',
      '  t_Order["Order"]',
      '  t_Weird_Name["Weird#36;Name"]',
      "  t_Order --> t_Customer",
      "  t_Weird_Name --> t_Customer",
      "  style t_Customer stroke-width:3px",
    ]);
    for (const [path, md] of out) {
      if (path === "docs/README.md") continue;
      const body = mermaid(md);
      for (const line of body.split("\n").slice(1)) {
        expect(line).toMatch(/^ {2}(t_\w+\["[A-Za-z0-9_ .:#;-]*"\]|t_\w+ --> t_\w+|style t_\w+ stroke-width:3px)$/);
      }
    }
  });

  it("does not give two types the same page", () => {
    const files = emitDocs(model("m", [named("a$b", obj([])), named("a_b", obj([])), named("A_b", obj([]))]));
    const paths = files.map((f) => f.path);
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
  });
});
