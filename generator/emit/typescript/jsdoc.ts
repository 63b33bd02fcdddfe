// JSDoc for types and members. Description text reaches the comment only through jsdocText.
import type { Attributes, Constraints, EnumMember, TypeNode } from "../../ir/model.js";
import { parseProse, proseToText } from "../prose.js";
import { jsdocText } from "../quote.js";

export interface DocParts {
  description?: string;
  tags: { tagName: string; text?: string }[];
}

const FORMAT: Record<string, string> = {
  datetime: "date-time (RFC 3339)",
  date: "date (RFC 3339 full-date)",
  time: "time (RFC 3339)",
  duration: "duration (ISO 8601)",
  uuid: "uuid",
  uri: "uri-reference",
  jsonpointer: "json-pointer",
  binary: "base64",
  int64: "int64 as a decimal string",
  uint64: "uint64 as a decimal string",
  int128: "int128 as a decimal string",
  uint128: "uint128 as a decimal string",
  decimal: "decimal as a string",
};

/** docParts by IR object: each view of a type asks again for the same attributes' text. */
const memo = new WeakMap<Attributes, Map<TypeNode | undefined, DocParts>>();

export function docParts(a: Attributes, node?: TypeNode): DocParts {
  let byNode = memo.get(a);
  if (!byNode) memo.set(a, (byNode = new Map()));
  let parts = byNode.get(node);
  if (!parts) byNode.set(node, (parts = computeDocParts(a, node)));
  return parts;
}

function computeDocParts(a: Attributes, node?: TypeNode): DocParts {
  const text = proseToText(parseProse(a.doc), (s) => `\`${s.replace(/`/g, "'")}\``);
  const tags: DocParts["tags"] = [];
  if (node?.kind === "primitive") {
    if (node.encoding === "epoch-seconds")
      tags.push({
        tagName: "format",
        text: "epoch seconds: a JSON number on the wire, fractions allowed (a Date in the SDK view)",
      });
    else if (FORMAT[node.primitive]) tags.push({ tagName: "format", text: FORMAT[node.primitive]! });
    if (node.knownValues?.length)
      tags.push({ tagName: "remarks", text: `Known values:\n${sourceLines(node.knownValues)}` });
    tags.push(...constraintTags(node.constraints));
  }
  if (node?.kind === "array" || node?.kind === "set") tags.push(...constraintTags(node.constraints));
  // Once more than one source speaks about the members, say which agree on each.
  if (
    node?.kind === "enum" &&
    new Set(node.members.flatMap((m) => m.attrs.facts.filter((f) => f.about === "enum").map((f) => f.source))).size > 1
  ) {
    tags.push({ tagName: "remarks", text: `Members and the sources that list them:\n${sourceLines(node.members)}` });
  }
  if (a.sensitive) tags.push({ tagName: "sensitive", text: "Holds a secret or personal value; keep it out of logs." });
  if (a.deprecated !== undefined) tags.push({ tagName: "deprecated", ...(a.deprecated ? { text: a.deprecated } : {}) });
  return {
    ...(text ? { description: jsdocText(text) } : {}),
    tags: tags.map((t) => ({ tagName: t.tagName, ...(t.text !== undefined ? { text: jsdocText(t.text) } : {}) })),
  };
}

/** "- `VALUE`: listed by a, b; not by c" for each member, from its facts. */
export function sourceLines(members: EnumMember[]): string {
  return members
    .map((m) => {
      const lists = [
        ...new Set(
          m.attrs.facts
            .filter((f) => /^(lists|observed|declares)/.test(f.claim ?? "") || f.about === "knownValues")
            .map((f) => f.source),
        ),
      ];
      const omits = [...new Set(m.attrs.facts.filter((f) => f.claim === "omits").map((f) => f.source))];
      const listed = lists.length > 0 ? `listed by ${lists.join(", ")}` : "listed by none";
      const notBy = omits.length > 0 ? `; not by ${omits.join(", ")}` : "";
      return `- \`${String(m.value).replace(/`/g, "'")}\`: ${listed}${notBy}`;
    })
    .join("\n");
}

function constraintTags(c: Constraints): DocParts["tags"] {
  const tags: DocParts["tags"] = [];
  for (const k of [
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
  ] as const) {
    if (c[k] !== undefined) tags.push({ tagName: k, text: String(c[k]) });
  }
  if (c.pattern) tags.push({ tagName: "pattern", text: c.pattern.source });
  return tags;
}

/**
 * A JSDoc block as lines (`/**`, ` * text`…, ` *\/`), or none when there is nothing to say.
 * `extra` tags come first (the role of a type). Every line carries its ` * `, so prettier only
 * re-indents the block.
 */
export function jsdocLines(a: Attributes, node?: TypeNode, extra: DocParts["tags"] = []): readonly string[] {
  if (extra.length > 0) return computeLines(a, node, extra);
  let byNode = lines.get(a);
  if (!byNode) lines.set(a, (byNode = new Map()));
  let out = byNode.get(node);
  if (!out) byNode.set(node, (out = computeLines(a, node, extra)));
  return out;
}

/** jsdocLines without extra tags by IR object: the four views ask for the same members' blocks. */
const lines = new WeakMap<Attributes, Map<TypeNode | undefined, readonly string[]>>();

function computeLines(a: Attributes, node: TypeNode | undefined, extra: DocParts["tags"]): readonly string[] {
  const d = docParts(a, node);
  const tags = [...extra, ...d.tags];
  const text = [
    ...(d.description ? [d.description] : []),
    ...tags.map((t) => `@${t.tagName}${t.text ? ` ${t.text}` : ""}`),
  ];
  if (text.length === 0) return [];
  const body = text.flatMap((t) => t.split("\n")).map((l) => ` * ${l}`.trimEnd());
  return ["/**", ...body, " */"];
}
