// A position in the token list, with the small vocabulary the declaration parser is written in.
import type { Token } from "./lexer.js";

/** Malformed or unexpected syntax at an offset; the reader turns it into a coded diagnostic. */
export class ParseError extends Error {
  constructor(
    readonly pos: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** ECMAScript reserved words: never an identifier (some still start a type: see isStartOfType). */
export const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with"
  ).split(" "),
);

const GROUPS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const GROUPS_WITH_ANGLES: Record<string, string> = { ...GROUPS, "<": ">" };

/** Deeper type nesting than this is refused (the parser recurses; real declarations nest a few levels). */
export const MAX_DEPTH = 256;

export class Cursor {
  i = 0;
  /** Current type nesting, against MAX_DEPTH. */
  depth = 0;
  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}

  get tok(): Token {
    return this.tokens[this.i]!;
  }
  peek(n = 1): Token {
    return this.tokens[Math.min(this.i + n, this.tokens.length - 1)]!;
  }
  /** End of the last consumed token. */
  get prevEnd(): number {
    return this.tok.fullStart;
  }
  next(): Token {
    const t = this.tok;
    if (t.kind !== "eof") this.i++;
    return t;
  }

  /** Punctuation or a word with exactly this text. */
  is(value: string, t: Token = this.tok): boolean {
    return (t.kind === "punct" || t.kind === "ident") && t.value === value;
  }
  eat(value: string): boolean {
    if (!this.is(value)) return false;
    this.next();
    return true;
  }
  expect(value: string): Token {
    if (!this.is(value)) this.fail(`expected \`${value}\``);
    return this.next();
  }
  isWord(t: Token = this.tok): boolean {
    return t.kind === "ident";
  }
  /** An identifier that is not a reserved word. */
  isIdentifier(t: Token = this.tok): boolean {
    return t.kind === "ident" && !RESERVED.has(t.value);
  }

  /** TypeScript's canParseSemicolon: `;`, `}`, the end, or a line break before the token. */
  canSemicolon(): boolean {
    return this.is(";") || this.is("}") || this.tok.kind === "eof" || this.tok.lineBreak;
  }
  semicolon(): void {
    if (this.eat(";")) return;
    if (!this.canSemicolon()) this.fail("expected `;`");
  }

  /** Enters one level of type nesting; fails past MAX_DEPTH. Pair with `depth--` on the way out. */
  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`types nested deeper than ${MAX_DEPTH} levels`);
  }

  fail(reason: string, t: Token = this.tok): never {
    throw new ParseError(t.start, `${reason}, found ${describe(t)}`);
  }

  /** Look ahead without moving: the callback's answer, position restored. */
  lookAhead<T>(f: () => T): T {
    const saved = this.i;
    try {
      return f();
    } finally {
      this.i = saved;
    }
  }

  /**
   * Skips a bracketed group starting at the current `(`, `[` or `{` (or `<` when angles is set),
   * nested brackets and template pieces included; returns its end.
   */
  skipGroup(angles = false): number {
    const closers: string[] = [];
    const open = angles ? GROUPS_WITH_ANGLES : GROUPS;
    do {
      const t = this.tok;
      if (t.kind === "eof") this.fail(`expected \`${closers[closers.length - 1]}\``);
      if (t.kind === "punct" && Object.hasOwn(open, t.value)) closers.push(open[t.value]!);
      else if (t.kind === "template" && t.template === "head") closers.push("`");
      else if (t.kind === "template" && t.template === "tail") {
        if (closers.pop() !== "`") this.fail("unbalanced template literal");
      } else if (t.kind === "punct" && /^[)\]}>]$/.test(t.value) && (t.value !== ">" || angles)) {
        if (closers.pop() !== t.value) this.fail(`unbalanced \`${t.value}\``);
      }
      this.next();
    } while (closers.length > 0);
    return this.prevEnd;
  }
}

function describe(t: Token): string {
  if (t.kind === "eof") return "the end of the file";
  if (t.kind === "string") return "a string literal";
  if (t.kind === "template") return "a template literal";
  return `\`${t.value}\``;
}
