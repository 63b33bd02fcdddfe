// Tokens of a TypeScript declaration file, as TypeScript's scanner sees them where the SDK reader
// needs it: comments kept aside (JSDoc is read from them), string literals cooked, line breaks
// before a token noted (ASI, `X\n[]`), positions as UTF-16 offsets. No regular expression literals:
// declaration files have no expressions beyond literal initializers.

export type TokenKind = "ident" | "private" | "string" | "number" | "template" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  /** Offset of the first character (after trivia) and just past the last one. */
  start: number;
  end: number;
  /** End of the previous token: where TypeScript's node.pos would be. */
  fullStart: number;
  /** A line break in the trivia before this token. */
  lineBreak: boolean;
  /** Punctuation and identifiers: the text; strings: the cooked value. */
  value: string;
  /** Template pieces: "head" (`…${), "middle" (}…${), "tail" (}…`) or "whole" (`…`). */
  template?: "head" | "middle" | "tail" | "whole";
  /** This token's leading comments: comments[commentsFrom .. commentsTo). */
  commentsFrom: number;
  commentsTo: number;
}

export interface Comment {
  pos: number;
  end: number;
  /** A CR or LF between the previous token and this comment: TypeScript attaches only those (and all at pos 0). */
  afterLineBreak: boolean;
}

export interface LexError {
  pos: number;
  reason: string;
}

export interface Lexed {
  tokens: Token[];
  comments: Comment[];
  error?: LexError;
}

const IDENT_START = /[\p{ID_Start}$_]/u;
const IDENT_PART = /[\p{ID_Continue}$\u200C\u200D]/u;
const NUMBER =
  /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)n?/y;

/** TypeScript's isLineBreak. */
export const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** TypeScript's isWhiteSpaceSingleLine. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

class Fail extends Error {
  constructor(
    readonly pos: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function lex(text: string): Lexed {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  /** Brace depth at each open template substitution, innermost last. */
  const templates: number[] = [];
  let braces = 0;
  let pos = 0;
  let prevEnd = 0;
  // A shebang is trivia at the very start.
  if (text.startsWith("#!")) while (pos < text.length && !isLineBreak(text.charCodeAt(pos))) pos++;
  try {
    for (;;) {
      const commentsFrom = comments.length;
      let lineBreak = false;
      // getLeadingCommentRanges collects comments only after a CR or LF outside comments.
      let collect = false;
      // Trivia: whitespace, line breaks, comments.
      for (;;) {
        const c = text.charCodeAt(pos);
        if (pos >= text.length) break;
        if (isLineBreak(c)) {
          lineBreak = true;
          if (c === 10 || c === 13) collect = true;
          pos++;
        } else if (isSpace(c)) pos++;
        else if (c === 47 && text.charCodeAt(pos + 1) === 47) {
          const start = pos;
          while (pos < text.length && !isLineBreak(text.charCodeAt(pos))) pos++;
          comments.push({ pos: start, end: pos, afterLineBreak: collect });
        } else if (c === 47 && text.charCodeAt(pos + 1) === 42) {
          const start = pos;
          const close = text.indexOf("*/", pos + 2);
          if (close < 0) throw new Fail(start, "unterminated comment");
          pos = close + 2;
          comments.push({ pos: start, end: pos, afterLineBreak: collect });
          for (let i = start; i < pos && !lineBreak; i++) if (isLineBreak(text.charCodeAt(i))) lineBreak = true;
        } else break;
      }
      const start = pos;
      // One object shape for every token (spreading a base object is many times slower in V8).
      const commentsTo = comments.length;
      const make = (kind: TokenKind, end: number, value: string, template?: Token["template"]): Token => ({
        kind,
        start,
        end,
        fullStart: prevEnd,
        lineBreak,
        value,
        template,
        commentsFrom,
        commentsTo,
      });
      if (pos >= text.length) {
        tokens.push(make("eof", pos, ""));
        break;
      }
      const c = text.charCodeAt(pos);
      let token: Token;
      if (c === 34 || c === 39) {
        const [value, end] = stringLiteral(text, pos);
        token = make("string", end, value);
      } else if (c === 96) {
        token = templatePiece(text, pos + 1, make, true);
        if (token.template === "head") templates.push(braces);
      } else if (c === 125 && templates.length > 0 && templates[templates.length - 1] === braces) {
        token = templatePiece(text, pos + 1, make, false);
        if (token.template === "tail") templates.pop();
      } else if ((c >= 48 && c <= 57) || (c === 46 && isDigit(text.charCodeAt(pos + 1)))) {
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text)!;
        const end = pos + m[0].length;
        if (identifierAt(text, end) !== end) throw new Fail(end, "an identifier cannot follow a number");
        token = make("number", end, m[0]);
      } else if (c === 35 && identifierAt(text, pos + 1) > pos + 1) {
        const end = identifierAt(text, pos + 1);
        token = make("private", end, text.slice(pos, end));
      } else if (identifierAt(text, pos) > pos) {
        const end = identifierAt(text, pos);
        token = make("ident", end, text.slice(pos, end));
      } else {
        const three = text.slice(pos, pos + 3);
        const two = text.slice(pos, pos + 2);
        const value = three === "..." ? three : two === "=>" ? two : text[pos]!;
        if (!/^(?:\.\.\.|=>|[{}()[\]<>;,.:?|&=!+\-*/%^~@])$/.test(value))
          throw new Fail(pos, `unexpected character ${JSON.stringify(text[pos])}`);
        if (value === "{") braces++;
        if (value === "}") braces--;
        token = make("punct", pos + value.length, value);
      }
      tokens.push(token);
      pos = prevEnd = token.end;
    }
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { tokens, comments, error: { pos: e.pos, reason: e.reason } };
  }
  return { tokens, comments };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** End of the identifier starting at pos (pos itself when there is none); `\u` escapes allowed. */
function identifierAt(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    const cp = text.codePointAt(i);
    if (cp === undefined) return i;
    if (cp < 128) {
      const ascii =
        (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 36 || cp === 95 || (i > pos && isDigit(cp));
      if (ascii) {
        i++;
        continue;
      }
      if (cp !== 92) return i;
    }
    const ch = String.fromCodePoint(cp);
    if (ch === "\\") {
      const m = /^\\u(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/.exec(text.slice(i, i + 16));
      if (!m) return i;
      i += m[0].length;
      continue;
    }
    if (!(i === pos ? IDENT_START : IDENT_PART).test(ch)) return i;
    i += ch.length;
  }
}

/** A quoted string's cooked value and end; escapes as in JavaScript. */
function stringLiteral(text: string, pos: number): [string, number] {
  const quote = text.charCodeAt(pos);
  let out = "";
  let i = pos + 1;
  for (;;) {
    if (i >= text.length) throw new Fail(pos, "unterminated string literal");
    const c = text.charCodeAt(i);
    if (c === quote) return [out, i + 1];
    if (c === 10 || c === 13) throw new Fail(pos, "unterminated string literal");
    if (c === 92) {
      const [value, next] = escape(text, i);
      out += value;
      i = next;
    } else {
      out += text[i];
      i++;
    }
  }
}

/** The escape sequence at text[i] === "\\": its value and the offset after it. */
function escape(text: string, i: number): [string, number] {
  const c = text[i + 1];
  if (c === undefined) throw new Fail(i, "unterminated string literal");
  const simple: Record<string, string> = {
    n: "\n",
    t: "\t",
    r: "\r",
    b: "\b",
    f: "\f",
    v: "\v",
    "\u2028": "",
    "\u2029": "",
  };
  if (Object.hasOwn(simple, c)) return [simple[c]!, i + 2];
  if (c === "\r") return ["", text[i + 2] === "\n" ? i + 3 : i + 2];
  if (c === "\n") return ["", i + 2];
  if (c === "x") {
    const h = text.slice(i + 2, i + 4);
    if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new Fail(i, "invalid \\x escape");
    return [String.fromCharCode(parseInt(h, 16)), i + 4];
  }
  if (c === "u") {
    const m = /^u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]+)\})/.exec(text.slice(i + 1, i + 16));
    const cp = m ? parseInt(m[1] ?? m[2]!, 16) : NaN;
    if (!m || cp > 0x10ffff) throw new Fail(i, "invalid \\u escape");
    return [String.fromCodePoint(cp), i + 1 + m[0].length];
  }
  if (c >= "0" && c <= "9") {
    // "\0" alone is NUL; other digits would be legacy octal escapes, which TypeScript rejects.
    if (c === "0" && !isDigit(text.charCodeAt(i + 2))) return ["\0", i + 2];
    throw new Fail(i, "octal escape sequences are not allowed");
  }
  const cp = text.codePointAt(i + 1)!;
  return [String.fromCodePoint(cp), i + 1 + (cp > 0xffff ? 2 : 1)];
}

/** A template piece from just after its opening ` or }; ends at ` (tail/whole) or ${ (head/middle). */
type Make = (kind: TokenKind, end: number, value: string, template?: Token["template"]) => Token;

function templatePiece(text: string, from: number, make: Make, opening: boolean): Token {
  let out = "";
  let i = from;
  for (;;) {
    if (i >= text.length) throw new Fail(from - 1, "unterminated template literal");
    const c = text.charCodeAt(i);
    if (c === 96) return make("template", i + 1, out, opening ? "whole" : "tail");
    if (c === 36 && text.charCodeAt(i + 1) === 123) return make("template", i + 2, out, opening ? "head" : "middle");
    if (c === 92) {
      const [value, next] = escape(text, i);
      out += value;
      i = next;
    } else {
      out += text[i];
      i++;
    }
  }
}
