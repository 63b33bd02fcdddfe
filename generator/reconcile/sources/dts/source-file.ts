// One .d.ts file read for the SDK reader: its declarations, where things are (line:column as
// TypeScript counts them), and the JSDoc TypeScript attaches to a node.
import { Cursor, ParseError } from "./cursor.js";
import { parseDeclarations, type Declarations } from "./declarations.js";
import { isJsDocLike, readJsDoc, type JsDoc } from "./jsdoc.js";
import { lex, type Comment, type Token } from "./lexer.js";

export interface DtsFile {
  declarations: Declarations;
  /** 1-based line and column of a token's start. */
  position(token: number): { line: number; column: number };
  /** The last JSDoc comment before a token, as TypeScript attaches it (undefined when none). */
  jsDoc(token: number): JsDoc | undefined;
}

export type DtsResult =
  { ok: true; file: DtsFile } | { ok: false; pos: number; line: number; column: number; reason: string };

export function readDtsFile(text: string): DtsResult {
  const lines = lineStarts(text);
  const at = (pos: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: pos - lines[lo]! + 1 };
  };
  const lexed = lex(text);
  if (lexed.error) return { ok: false, pos: lexed.error.pos, reason: lexed.error.reason, ...at(lexed.error.pos) };
  let declarations: Declarations;
  try {
    declarations = parseDeclarations(new Cursor(text, lexed.tokens));
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return { ok: false, pos: e.pos, reason: e.reason, ...at(e.pos) };
  }
  const { tokens, comments } = lexed;
  return {
    ok: true,
    file: {
      declarations,
      position: (token) => at(tokens[token]!.start),
      jsDoc: (token) => lastJsDoc(text, tokens[token]!, comments),
    },
  };
}

function lastJsDoc(text: string, token: Token, comments: readonly Comment[]): JsDoc | undefined {
  for (let i = token.commentsTo - 1; i >= token.commentsFrom; i--) {
    const c = comments[i]!;
    if ((c.afterLineBreak || token.fullStart === 0) && isJsDocLike(text, c.pos)) return readJsDoc(text, c.pos, c.end);
  }
  return undefined;
}

/** TypeScript's computeLineStarts: CR, LF, CRLF, U+2028 and U+2029 end a line. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) out.push(i + 1);
  }
  return out;
}
