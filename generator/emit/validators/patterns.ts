// Patterns that are one character class repeated (`[\p{L}\p{N}]+`, `\d{3,5}`, `[^\s]*`), the
// commonest form in API models. For them the generated check tests ASCII text against a bitmap
// of the class and leaves other text to the regular expression: the same verdict, a fraction of
// the time. Anything this parser does not recognise exactly is left to the regular expression.

export interface CharClass {
  /** 128 bits, four 32-bit words: which ASCII characters the class matches. */
  ascii: [number, number, number, number];
  min: number;
  max: number;
}

const ESCAPE_ATOM = /^\\(?:[dDwWsS]|[pP]\{[A-Za-z_=]+\})/;

/** The atom at the start of `s`: a bracketed class, a class escape or "."; undefined otherwise. */
function atom(s: string): string | undefined {
  if (s.startsWith(".")) return ".";
  const esc = ESCAPE_ATOM.exec(s);
  if (esc) return esc[0];
  if (!s.startsWith("[")) return undefined;
  // In `u` mode a class has no nested classes: it ends at the first unescaped "]".
  for (let i = 1; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "]") return s.slice(0, i + 1);
  }
  return undefined;
}

function quantifier(s: string): { min: number; max: number } | undefined {
  if (s === "+") return { min: 1, max: Infinity };
  if (s === "*") return { min: 0, max: Infinity };
  const m = /^\{(\d{1,9})(,(\d{1,9})?)?\}$/.exec(s);
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === undefined ? Infinity : Number(m[3]);
  return min <= max ? { min, max } : undefined;
}

/** For an anchored pattern `^(?:…)$` as the JSON Schema emitter writes it. */
export function charClassOf(anchoredSource: string): CharClass | undefined {
  const inner = /^\^\(\?:([\s\S]*)\)\$$/.exec(anchoredSource)?.[1];
  if (inner === undefined) return undefined;
  let body = inner;
  // The source's own anchors change nothing inside ^(?:…)$.
  if (body.startsWith("^")) body = body.slice(1);
  if (body.endsWith("$") && !body.endsWith("\\$")) body = body.slice(0, -1);
  const a = atom(body);
  if (a === undefined) return undefined;
  const q = quantifier(body.slice(a.length));
  if (!q) return undefined;
  let single: RegExp;
  try {
    single = new RegExp(`^${a}$`, "u");
    // The whole pattern must read the same way; this also rejects anything the parser misjudged.
    new RegExp(anchoredSource, "u");
  } catch {
    return undefined;
  }
  const ascii: [number, number, number, number] = [0, 0, 0, 0];
  for (let c = 0; c < 128; c++) if (single.test(String.fromCharCode(c))) ascii[c >> 5]! |= 1 << (c & 31);
  // Unsigned words print the way they are read back.
  return { ascii: ascii.map((w) => w >>> 0) as CharClass["ascii"], ...q };
}
