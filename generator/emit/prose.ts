// Descriptions arrive as HTML fragments (AWS models) or plain text. Parse them once into
// paragraphs of plain and code segments; each emitter renders them with its own escaping.

export interface Segment {
  text: string;
  code?: boolean;
}

export interface Paragraph {
  /** "li" for list items, "p" otherwise. */
  kind: "p" | "li";
  segments: Segment[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const BLOCK = new Set([
  "p",
  "li",
  "ul",
  "ol",
  "br",
  "div",
  "note",
  "important",
  "dl",
  "dt",
  "dd",
  "h1",
  "h2",
  "h3",
  "h4",
]);

// Every emitter asks for the same descriptions: each text is parsed once. Bounded for watch mode; a
// text longer than any real description is kept only while it is the last long one asked for (the
// emitters ask for one type's texts in turn), so megabytes are parsed once, not once per emitter.
const parsed = new Map<string, readonly Paragraph[]>();
const KEEP_BELOW = 16_384;
const NONE: readonly Paragraph[] = Object.freeze([]);
let lastLong: { input: string; out: readonly Paragraph[] } | undefined;

/** Splits a description into paragraphs; tags other than code and block tags keep only their text. */
export function parseProse(input: string | undefined): readonly Paragraph[] {
  if (!input) return NONE;
  if (input.length >= KEEP_BELOW) {
    if (lastLong?.input !== input) lastLong = { input, out: parse(input) };
    return lastLong.out;
  }
  let out = parsed.get(input);
  if (out === undefined) {
    if (parsed.size >= 20_000) parsed.clear();
    parsed.set(input, (out = parse(input)));
  }
  return out;
}

function parse(input: string): readonly Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph = { kind: "p", segments: [] };
  let code = 0;
  let inItem = 0;
  const flush = (next: Paragraph["kind"]): void => {
    const segs = normalise(current.segments);
    if (segs.length > 0) out.push({ kind: current.kind, segments: segs });
    current = { kind: next, segments: [] };
  };
  // [^<>]*, not [^>]*: a "<a" with no ">" after it is scanned only up to the next "<", so text
  // full of unclosed tags costs linear time, not quadratic.
  const tag = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
  let last = 0;
  for (let m = tag.exec(input); m; m = tag.exec(input)) {
    if (m.index > last)
      current.segments.push({ text: decode(input.slice(last, m.index)), ...(code > 0 ? { code: true } : {}) });
    last = m.index + m[0].length;
    const name = m[1]!.toLowerCase();
    const closing = m[0][1] === "/";
    if (name === "code") code = Math.max(0, code + (closing ? -1 : 1));
    else if (name === "li") {
      inItem = Math.max(0, inItem + (closing ? -1 : 1));
      flush(closing ? "p" : "li");
    } else if (BLOCK.has(name)) {
      // A <p> right inside an <li> continues the item rather than starting a paragraph.
      if (current.kind === "li" && normalise(current.segments).length === 0) continue;
      flush(inItem > 0 ? "li" : "p");
    }
  }
  if (last < input.length)
    current.segments.push({ text: decode(input.slice(last)), ...(code > 0 ? { code: true } : {}) });
  flush("p");
  return out;
}

/** Collapses white space and merges neighbours of the same kind. */
function normalise(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const s of segments) {
    const text = s.text.replace(/\s+/g, " ");
    const prev = merged[merged.length - 1];
    if (prev && !!prev.code === !!s.code) prev.text += text;
    else merged.push({ ...s, text });
  }
  if (merged[0]) merged[0].text = merged[0].text.trimStart();
  const tail = merged[merged.length - 1];
  if (tail) tail.text = tail.text.trimEnd();
  return merged.filter((s) => s.text !== "");
}

/** Plain text, code shown by `codeMark` (e.g. backticks); list items as "- ". */
export function proseToText(
  paragraphs: readonly Paragraph[],
  codeMark: (s: string) => string,
  textMark: (s: string) => string = (s) => s,
): string {
  return paragraphs
    .map(
      (p) =>
        (p.kind === "li" ? "- " : "") + p.segments.map((s) => (s.code ? codeMark(s.text) : textMark(s.text))).join(""),
    )
    .join("\n\n")
    .replace(/\n\n(- )/g, "\n$1");
}

/**
 * The first sentence (or line) of a description, as plain text: the first `.`, `!` or `?` at
 * index 20 or later that ends the text or precedes white space. A loop, not a lazy regular
 * expression, which backtracked once per character and overflowed on megabytes of text.
 */
export function summary(input: string | undefined): string {
  // Segments hold no line breaks (normalise), so the first line is the first paragraph.
  const text = proseToText(parseProse(input).slice(0, 1), (s) => s);
  for (let i = 20; i < text.length; i++) {
    const c = text[i];
    if (c !== "." && c !== "!" && c !== "?") continue;
    if (i + 1 === text.length || /\s/.test(text[i + 1]!)) return text.slice(0, i + 1);
  }
  return text;
}
