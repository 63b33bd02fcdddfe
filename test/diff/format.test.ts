// The reports: text grouped by severity (colour only when asked), Markdown for a pull request,
// and schema text that cannot smuggle terminal escapes, bidi controls or Markdown into either.
import { describe, expect, it } from "vitest";
import type { Change } from "../../generator/diff/change.js";
import { formatMarkdown } from "../../generator/diff/format-markdown.js";
import { formatText } from "../../generator/diff/format-text.js";
import { count, diffReport, exitCode, type CorpusDiff } from "../../generator/diff/report.js";
import { wantColour } from "../../generator/cli/diff.js";

const change = (subject: string, severity: Change["severity"], extra: Partial<Change> = {}): Change => ({
  subject,
  kind: "member-removed",
  read: severity,
  write: severity,
  severity,
  direction: "read",
  reason: "because",
  ...extra,
});

const corpus = (changes: Change[], ops = 3): CorpusDiff => ({
  corpus: "shop",
  operations: { old: ops, new: ops },
  unknownDirection: changes.filter((c) => c.direction === "unknown").length,
  counts: count(changes),
  changes,
});

const CHANGES = [
  change("A.safe", "safe", { kind: "docs-changed" }),
  change("B.broken", "breaking", { old: "string, optional" }),
  change("C.warned", "warning", {
    kind: "constraint-loosened",
    detail: "maxLength",
    old: 16,
    new: 32,
    direction: "unknown",
  }),
];

describe("text report", () => {
  it("groups changes by severity, worst first, with facts and the sides", () => {
    const text = formatText(diffReport("old", "new", [corpus(CHANGES)]));
    expect(text.split("\n")).toEqual([
      "structgen diff old → new",
      "",
      "shop: 1 breaking, 1 warning, 1 safe",
      "  Direction from the authority model's operations (3): inputs are written, outputs and errors read. " +
        "1 on types no operation reaches count both sides.",
      "",
      "  Breaking (1)",
      "    B.broken  member removed  string, optional",
      "      read breaking, write breaking (read only): because",
      "",
      "  Warning (1)",
      "    C.warned  constraint loosened  maxLength: 16 → 32",
      "      read warning, write warning (direction unknown): because",
      "",
      "  Safe (1)",
      "    A.safe  docs changed",
      "      read safe, write safe (read only): because",
      "",
    ]);
  });

  it("says so when nothing changed, and when no operations give a direction", () => {
    expect(formatText(diffReport("a", "b", [corpus([])]))).toBe("structgen diff a → b\n\nshop: no changes\n");
    expect(formatText(diffReport("a", "b", [corpus(CHANGES, 0)]))).toContain(
      "Direction unknown: no authority model lists operations",
    );
  });

  it("paints only when asked", () => {
    const report = diffReport("a", "b", [corpus(CHANGES)]);
    expect(formatText(report)).not.toContain("\u001b[");
    expect(formatText(report, { colour: true })).toContain("\u001b[31mBreaking (1)\u001b[0m");
  });

  it("escapes control and bidi characters a schema puts in names and values", () => {
    const hostile = change("T.\u202eevil\u001b[2J", "breaking", { kind: "enum-value-added", new: "A\u2066B\u0007" });
    const text = formatText(diffReport("a", "b", [corpus([hostile])]));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e\u2066]/);
    expect(text).toContain("T.\\u202eevil\\u001b[2J");
    expect(text).toContain('"A\\u2066B\\u0007"');
  });

  it("quotes string facts that would read as numbers or words of another type", () => {
    const text = formatText(
      diffReport("a", "b", [corpus([change("T.d", "warning", { kind: "default-changed", old: 1, new: "1" })])]),
    );
    expect(text).toContain('T.d  default changed  1 → "1"');
  });
});

describe("Markdown report", () => {
  it("has a table per severity and folds safe changes away", () => {
    const md = formatMarkdown(diffReport("git:HEAD~1:schemas", "schemas", [corpus(CHANGES)]));
    expect(md).toContain(
      "## structgen diff\n\n`git:HEAD~1:schemas` → `schemas`\n\n### shop: 1 breaking, 1 warning, 1 safe",
    );
    expect(md).toContain(
      "#### Breaking (1)\n\n| Subject | Change | Facts | Read | Write | Used |\n" +
        "| --- | --- | --- | --- | --- | --- |\n" +
        "| `B.broken` | member removed | `string, optional` | **breaking** | **breaking** | read only |",
    );
    expect(md).toContain("<details><summary>Safe (1)</summary>\n\n| Subject");
    expect(md.indexOf("Breaking")).toBeLessThan(md.indexOf("Warning"));
  });

  it("keeps schema text inside its cell: backticks, pipes and HTML stay text", () => {
    const md = formatMarkdown(diffReport("a", "b", [corpus([change("T.`a|b`<img>", "breaking", { new: "x | y" })])]));
    const row = md.split("\n").find((l) => l.startsWith("| ``"))!;
    expect(row).toBe("| ``T.`a\\|b`<img>`` | member removed | `x \\| y` | **breaking** | **breaking** | read only |");
  });
});

describe("exit codes and colour", () => {
  const report = diffReport("a", "b", [corpus(CHANGES)]);
  it("--fail-on: 1 when a change reaches the severity", () => {
    expect(exitCode(report, undefined)).toBe(0);
    expect(exitCode(report, "breaking")).toBe(1);
    expect(exitCode(report, "warning")).toBe(1);
    const mild = diffReport("a", "b", [corpus([CHANGES[0]!, CHANGES[2]!])]);
    expect(exitCode(mild, "breaking")).toBe(0);
    expect(exitCode(mild, "warning")).toBe(1);
  });

  it.each([
    ["a terminal", true, {}, true],
    ["a pipe", false, {}, false],
    ["NO_COLOR on a terminal", true, { NO_COLOR: "1" }, false],
    ["FORCE_COLOR in a pipe", false, { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=0 on a terminal", true, { FORCE_COLOR: "0" }, false],
    ["FORCE_COLOR wins over NO_COLOR", false, { FORCE_COLOR: "1", NO_COLOR: "1" }, true],
    ["a dumb terminal", true, { TERM: "dumb" }, false],
  ] as const)("colour on %s", (_t, tty, env, want) => {
    expect(wantColour(tty, env)).toBe(want);
  });
});
