import { describe, expect, it } from "vitest";
import { emitDocs } from "../../generator/emit/docs/index.js";
import type { OutputFile } from "../../generator/emit/files.js";
import type { Model } from "../../generator/ir/model.js";
import { referrers } from "../../generator/ir/walk.js";
import {
  arr, decision, enm, epochSeconds, known, map, member, model, named, obj, prim, ref, set, sourcedEnum, union,
} from "../helpers/ir.js";

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

/** A reconciled corpus: per-source facts, open enums, known values, epoch seconds, decisions. */
const HOSTILE_BR = "x<br>y";
const reconciled: Model = model(
  "idp",
  [
    named(
      "User",
      obj([
        member("Mfa", known([["SMS", [["json-structure", "lists"], ["botocore", "lists"]]], ["EMAIL", [["json-structure", "omits"], ["botocore", "lists"]]]])),
        member("Factors", arr(known([["TOTP", [["override", HOSTILE]]], ["PASSKEY", [["override", HOSTILE]]]], {}, "knownValues"))),
        member("Created", epochSeconds(), true),
        member("Old", prim("string"), false, { deprecated: "Use New.", doc: "Old name." }),
        member("Gone", prim("string"), false, { deprecated: "Deprecated.", doc: "Gone." }),
        member("Said", prim("string"), false, { deprecated: "No longer supported.", doc: "No longer supported. Do not use." }),
        member("Mode", ref("Mode")),
        member("Evil", known([[HOSTILE, [[HOSTILE, "lists"], ["botocore", HOSTILE]]]])),
      ]),
      { root: true },
    ),
    named(
      "Mode",
      sourcedEnum([
        ["ON", [["json-structure", 'lists "ON"'], ["botocore", "lists"], ["aws-sdk", "lists"]]],
        ["NEW", [["json-structure", "omits"], ["botocore", "lists"], ["aws-sdk", "omits"]]],
        ["SEEN", [["recorded", "observed"]]],
        ["OFF", [["json-structure", "lists false"], ["botocore", 'repaired boolean false to "OFF"']]],
        ["PINNED", [["override", HOSTILE]]],
        ["BARE", []],
      ]),
    ),
    named("Closed", sourcedEnum([["A", [["json-structure", 'lists "A"']]]], false)),
    named("When", epochSeconds()),
    named("Codes", known([["X1", [["botocore", "lists"]]], ["Y2", [["botocore", "omits"], ["aws-sdk", "lists"]]]], { maxLength: 4 })),
  ],
  {
    sources: [
      { id: "json-structure", kind: "json-structure", description: "the idp JSON Structure files" },
      { id: "botocore", kind: "botocore", description: `botocore ${HOSTILE}` },
      { id: "aws-sdk", kind: "aws-sdk", description: "SDK declarations" },
    ],
    authority: "botocore",
    decisions: [
      decision("User.Mfa", "known-values", [["json-structure", "prose lists SMS"], ["botocore", "prose lists SMS, EMAIL"]], "known values SMS, EMAIL", "knownValuesFromProse"),
      decision("User.Factors[]", "override:knownValues", [["reconciled", "none"], ["override", '["PASSKEY","TOTP"]']], 'knownValues = ["PASSKEY","TOTP"]', "override", { reason: HOSTILE, disagreement: false }),
      decision("Mode", "enum-members", [["json-structure", "lists ON, OFF"], ["botocore", "lists ON, NEW, OFF"], ["aws-sdk", "lists ON, OFF"]], "members: ON, NEW, OFF", "enumMembers=union"),
      decision("When", "timestamp", [["json-structure", "datetime"], ["botocore", "timestamp"]], "wire view: epoch seconds", "timestamps=protocol"),
      decision("User.Old", "deprecated", [["json-structure", "prose: Use New."], ["botocore", "prose: Use New."]], "deprecated", "deprecatedFromProse", { disagreement: false }),
      decision("Ghost", "type-missing", [["json-structure", "no such type"], ["botocore", "object"]], "not added: nothing in the corpus refers to it", "types"),
      decision("Ghost2", "type-missing", [["json-structure", "no such type"], ["botocore", "object"]], "not added: nothing in the corpus refers to it", "types"),
      decision("Codes", "type-missing", [["json-structure", "no such type"], ["botocore", "string"]], "imported from botocore", "types"),
      decision(`User.${HOSTILE}`, HOSTILE, [[HOSTILE, HOSTILE], ["botocore", HOSTILE_BR]], HOSTILE, HOSTILE, { reason: HOSTILE }),
      decision("Mode", "Sources", [["json-structure", "x"]], "", "rule"),
    ],
  },
);

const byPath = (files: OutputFile[]): Map<string, string> => new Map(files.map((f) => [f.path, f.content]));
const out = byPath(emitDocs(shop));
const rec = byPath(emitDocs(reconciled));
const recPage = (name: string): string => {
  const content = rec.get(`docs/types/${name}.md`);
  if (content === undefined) throw new Error(`no page for ${name}`);
  return content;
};
const report = (): string => rec.get("docs/reconciliation.md")!;
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

  describe.each([
    ["plain corpus", out],
    ["reconciled corpus", rec],
  ])("hostile text in a %s", (_, files) => {
    const all = [...files.values()].join("\n");

    it("produces no HTML and no links from schema or source text", () => {
      // Hostile values do appear verbatim, but only inside code spans, where they are text.
      // The one tag is our own `<br>` between claim lines: data's `<` always becomes `&lt;`.
      const visible = outsideCode(all).replaceAll("<br>", "");
      expect(visible).not.toMatch(/<script/i);
      expect(visible).not.toMatch(/<img/i);
      expect(visible).not.toMatch(/<\/?p>/i);
      expect(visible).not.toMatch(/\]\(javascript:/i);
      // Angle brackets outside code are always escaped (`\<` or an entity).
      expect(visible).not.toMatch(/(?<!\\)</);
      // The only links are ours: to pages by slug, to the report, and to its section anchors.
      for (const m of visible.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) {
        expect(m[1]).toMatch(/^(((types\/|\.\.\/)?[A-Za-z0-9_-]+\.md)(#[\p{L}\p{M}\p{N}\p{Pc}-]+)?|#[\p{L}\p{M}\p{N}\p{Pc}-]+)$/u);
      }
    });

    it("keeps every table row at its header's column count", () => {
      for (const [path, md] of files) {
        const lines = md.split("\n");
        let columns = 0;
        for (const [i, line] of lines.entries()) {
          if (!line.startsWith("|")) columns = 0;
          else if (columns === 0) columns = cellCount(line);
          else expect(cellCount(line), `${path}:${i + 1}: ${line}`).toBe(columns);
        }
      }
    });

    it("never starts a line with block syntax from data", () => {
      // Every line is ours: a heading, table row, list item, fence, prose we wrote, or empty.
      for (const [path, md] of files) {
        for (const line of outsideCode(md).split("\n")) {
          expect(line, path).not.toMatch(/^\s*(>|<|```|\d+[.)]\s|={3,}$)/);
        }
      }
    });
  });

  describe("hostile text", () => {
    it("keeps hostile text in code spans intact", () => {
      expect(outsideCode(page("Status"))).not.toContain("Hi");
    });

    it("wraps backticks in a longer fence", () => {
      expect(page("Status")).toContain('``"a`b"``');
      expect(page("Status")).toContain("```\"Hi </p><script>alert(1)</script> &lt;script&gt;x&lt;/script&gt; a\\|b `tick` ``two`` */ line\\nbreak [x](javascript:alert(1)) <img src=x onerror=y>\"``` |");
      expect(page("NotFound")).toContain("\\`tick\\` \\`\\`two\\`\\`");
    });

    it("escapes claims, decisions, rules and reasons; a `<br>` in data stays text", () => {
      const hostileCell = "Hi &lt;/p&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt; a\\|b \\`tick\\` \\`\\`two\\`\\` \\*/ line break \\[x\\]\\(javascript:alert\\(1\\)\\) &lt;img src=x onerror=y&gt;";
      const line = tableRows(report()).find((l) => l.includes("User.Hi"))!;
      // The subject names a member of User, so it links there; its text cannot nest a link.
      expect(line).toBe(`| [User.${hostileCell}](types/User.md) | ${hostileCell}: ${hostileCell}<br>botocore: x&lt;br&gt;y | ${hostileCell} | ${hostileCell}: ${hostileCell} |`);
      // A hostile known value sits in a code span; its hostile source names and claims are escaped.
      expect(row(recPage("User"), "`Evil`")).toContain(`| known values: \`\`\`"Hi `);
      expect(row(recPage("User"), "`Evil`")).toContain(`(listed by ${hostileCell}; botocore: ${hostileCell})`);
    });
  });

  describe("reconciliation", () => {
    /** Heading anchors as GitHub computes them from the rendered heading text. */
    function anchors(md: string): Set<string> {
      const seen = new Map<string, number>();
      const out = new Set<string>();
      for (const m of md.matchAll(/^#{1,6} (.*)$/gm)) {
        const text = m[1]!.replace(/\\(.)/g, "$1").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
        const base = text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
        let slug = base;
        while (seen.has(slug)) {
          seen.set(base, seen.get(base)! + 1);
          slug = `${base}-${seen.get(base)!}`;
        }
        seen.set(slug, 0);
        out.add(slug);
      }
      return out;
    }
    /** The rows of a page's "## Reconciliation" table, without header and delimiter. */
    const decisionRows = (md: string): string[] => {
      const section = md.split("## Reconciliation\n")[1]?.split("\n## ")[0] ?? "";
      return tableRows(section).slice(2);
    };

    it("writes reconciliation.md, and links it from README.md, only with reconciliation data", () => {
      expect([...out.keys()]).not.toContain("docs/reconciliation.md");
      expect(out.get("docs/README.md")).not.toContain("reconciliation");
      expect([...rec.keys()].slice(0, 2)).toEqual(["docs/README.md", "docs/reconciliation.md"]);
      expect(rec.get("docs/README.md")).toContain(
        "Reconciled with 3 sources: 10 decisions, 8 where the sources disagree. See [the reconciliation report](reconciliation.md).",
      );
      for (const [path, md] of out) expect(md, path).not.toContain("## Reconciliation");
    });

    it("is deterministic whatever order types and decisions arrive in", () => {
      const shuffled: Model = {
        ...reconciled,
        types: [...reconciled.types].reverse(),
        reconciliation: { ...reconciled.reconciliation!, decisions: [...reconciled.reconciliation!.decisions].reverse() },
      };
      expect(emitDocs(shuffled)).toEqual(emitDocs(reconciled));
    });

    it.each([
      ["title", "# idp reconciliation\n\n10 decisions from reconciling the corpus with 3 sources; in 8 of them the sources disagree."],
      ["sources table marks the authority", "| botocore | botocore | botocore Hi &lt;/p&gt;"],
      ["authority row ends in yes", "&lt;img src=x onerror=y&gt; | yes |\n| aws-sdk | aws-sdk | SDK declarations |  |"],
      ["authority sentence", 'Where a policy says "authority", botocore has the final word.'],
      ["counts by kind, linked to sections", "| [type-missing](#type-missing) | 3 | 3 |"],
      ["counts of agreeing decisions", "| [deprecated](#deprecated) | 1 | 0 |"],
      ["one section per kind", "## override:knownValues\n\n1 decision, 0 where the sources disagree.\n\n| Subject | Claims | Decision | Rule |"],
      ["a claim line per source, subject linked to its type", "| [User.Mfa](types/User.md) | json-structure: prose lists SMS<br>botocore: prose lists SMS, EMAIL | known values SMS, EMAIL | knownValuesFromProse |"],
      ["override reason in the rule", '| [User.Factors\\[\\]](types/User.md) | reconciled: none<br>override: \\["PASSKEY","TOTP"\\] | knownValues = \\["PASSKEY","TOTP"\\] | override: Hi &lt;/p&gt;'],
      ["identical decisions share a row; absent types stay text", "| Ghost, Ghost2 | json-structure: no such type<br>botocore: object | not added: nothing in the corpus refers to it | types |"],
      ["imported types link", "| [Codes](types/Codes.md) | json-structure: no such type<br>botocore: string | imported from botocore | types |"],
      ["an empty decision says so", "| [Mode](types/Mode.md) | json-structure: x | (no decision) | rule |"],
      ["a kind named like a fixed heading gets the next anchor", "| [Sources](#sources-1) | 1 | 1 |"],
    ])("report: %s", (_, expected) => {
      expect(report()).toContain(expected);
    });

    it("links every anchor to a heading of the report", () => {
      const targets = anchors(report());
      let links = 0;
      for (const [path, md] of rec) {
        for (const m of outsideCode(md).matchAll(/\]\((\.\.\/reconciliation\.md|)#([^)]*)\)/g)) {
          links++;
          expect(targets.has(m[2]!), `${path}: #${m[2]}`).toBe(true);
        }
      }
      expect(links).toBeGreaterThan(10);
    });

    it.each([
      ["enum sources: listed and not listed", "Mode", "`\"NEW\"`", '| `"NEW"` | listed by botocore; not by json-structure, aws-sdk |  |'],
      ["enum sources: other claims as text", "Mode", "`\"OFF\"`", '| `"OFF"` | listed by json-structure; botocore: repaired boolean false to "OFF" |  |'],
      ["enum sources: observed", "Mode", "`\"SEEN\"`", '| `"SEEN"` | observed by recorded |  |'],
      ["enum sources: override", "Mode", "`\"PINNED\"`", '| `"PINNED"` | set by override |  |'],
      ["enum sources: no facts", "Mode", "`\"BARE\"`", '| `"BARE"` |  |  |'],
      ["enum sources: config order", "Mode", "`\"ON\"`", '| `"ON"` | listed by json-structure, botocore, aws-sdk |  |'],
      ["known values grouped by sources", "User", "`Mfa`", '| `Mfa` | string | no | known values: `"EMAIL"` (listed by botocore; not by json-structure); `"SMS"` (listed by json-structure, botocore); others are drift (rejected in strict mode) |  |'],
      ["known item values from an override", "User", "`Factors`", '| `Factors` | string[] | no | known item values: `"PASSKEY"`, `"TOTP"` (set by override); others are drift (rejected in strict mode) |  |'],
      ["epoch seconds", "User", "`Created`", "| `Created` | number (epoch seconds) | yes |  |  |"],
      ["deprecated with a reason", "User", "`Old`", "| `Old` | string | no |  | **Deprecated** (Use New.) Old name. |"],
      ["deprecated, the reason says nothing", "User", "`Gone`", "| `Gone` | string | no |  | **Deprecated** Gone. |"],
      ["deprecated, the description says why", "User", "`Said`", "| `Said` | string | no |  | **Deprecated** No longer supported. Do not use. |"],
      ["definition: epoch seconds", "When", "Type", "| Type | number (epoch seconds) |"],
      ["definition: encoding", "When", "encoding", "| encoding | epoch seconds: a JSON number on the wire, fractions allowed (a `Date` in the SDK view) |"],
      ["definition: known values", "Codes", "known values", '| known values | `"X1"` (listed by botocore); `"Y2"` (listed by aws-sdk; not by botocore) |'],
      ["definition: other values", "Codes", "other values", "| other values | accepted and reported as drift; strict mode rejects them |"],
      ["decision: sources grouped by claim", "Mode", "`Mode`", "| `Mode` | [Sources](../reconciliation.md#sources-1) | (no decision) (rule) | **disagree**<br>json-structure: x |"],
      ["decision: agreeing sources share a line", "User", "`User.Old`", "| `User.Old` | [deprecated](../reconciliation.md#deprecated) | deprecated (deprecatedFromProse) | json-structure, botocore: prose: Use New. |"],
      ["decision: override reason", "User", "`User.Factors[]`", "| `User.Factors[]` | [override:knownValues](../reconciliation.md#overrideknownvalues) | knownValues = \\[\"PASSKEY\",\"TOTP\"\\] (override: Hi &lt;/p&gt;"],
      ["decision: imported type", "Codes", "`Codes`", "| `Codes` | [type-missing](../reconciliation.md#type-missing) | imported from botocore (types) | **disagree**<br>json-structure: no such type<br>botocore: string |"],
    ])("type page: %s", (_, type, first, expected) => {
      const found = tableRows(recPage(type)).filter((l) => l.startsWith(`| ${first} |`));
      expect(found.some((l) => l.startsWith(expected)), found.join("\n")).toBe(true);
    });

    it.each([
      ["Mode", "Open: a value not listed here is accepted and reported as drift; strict mode rejects it.\n\n| Value | Sources | Description |"],
      ["Closed", "Closed: a value not listed here is rejected.\n\n| Value | Sources | Description |"],
    ])("says whether enum %s is open", (type, expected) => {
      expect(recPage(type)).toContain(expected);
    });

    it("has no Sources column without reconciliation data", () => {
      expect(page("Status")).toContain("Closed: a value not listed here is rejected.\n\n| Value | Description |");
    });

    it.each([
      ["User", ["User.Factors[]", "User.Hi", "User.Mfa", "User.Old"]],
      ["Mode", ["Mode", "Mode"]],
      ["When", ["When"]],
      ["Codes", ["Codes"]],
      ["Closed", []],
    ])("lists on the %s page the decisions about it or its members", (type, subjects) => {
      const rows = decisionRows(recPage(type));
      expect(rows.map((r) => /^\| `+([^`\s]+)/.exec(r)![1])).toEqual(subjects);
      if (subjects.length === 0) expect(recPage(type)).not.toContain("## Reconciliation");
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
