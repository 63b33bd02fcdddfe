// A JSDoc comment read the way the TypeScript parser (5.x, parseJSDocCommentWorker) and ts-morph's
// JSDoc.getDescription() read it, for the two things the SDK reader takes from it: the description
// (the raw text before the first tag, stars stripped) and the comment text of `@deprecated`.
// Every tag is read as TypeScript reads an unknown tag; the special forms of a few tags (`@author`'s
// name <email>, `{type}` expressions) could place a tag boundary elsewhere only in contrived text.
import { isLineBreak, isSpace } from "./lexer.js";

export interface JsDocTag {
  name: string;
  /** Offset of its `@`. */
  start: number;
  /** TypeScript's getTextOfJSDocComment of the tag's comment. */
  comment: string | undefined;
}

export interface JsDoc {
  /** ts-morph's getDescription(). */
  description: string;
  tags: JsDocTag[];
}

/** Comments TypeScript treats as JSDoc: `/**` but not `/**\/`. */
export const isJsDocLike = (text: string, pos: number): boolean =>
  text.charCodeAt(pos + 1) === 42 && text.charCodeAt(pos + 2) === 42 && text.charCodeAt(pos + 3) !== 47;

type Kind = "eof" | "ws" | "nl" | "at" | "star" | "open" | "close" | "tick" | "ident" | "private" | "text" | "other";

const IDENT_START = /[\p{ID_Start}$_]/u;
const IDENT_PART = /[\p{ID_Continue}$\u200C\u200D]/u;
const LINK_KINDS = new Set(["link", "linkcode", "linkplain"]);
const SINGLE = new Map<number, Kind>([
  [64, "at"],
  [42, "star"],
  [123, "open"],
  [125, "close"],
  [96, "tick"],
]);
const isAsciiWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36 || c === 95;

/** States of TypeScript's JSDoc scan. */
const BOL = 0;
const SAW_ASTERISK = 1;
const SAVING = 2;
const BACKTICKS = 3;

export function readJsDoc(text: string, pos: number, end: number): JsDoc {
  const tags = new Scan(text, pos, end).tags();
  return { description: description(text, pos, tags[0]?.start ?? end - 2), tags };
}

class Scan {
  private p: number;
  private readonly limit: number;
  private kind: Kind = "eof";
  private start = 0;
  private value = "";

  constructor(
    private readonly text: string,
    private readonly pos: number,
    end: number,
  ) {
    this.p = pos + 3;
    this.limit = Math.max(this.p, end - 2);
  }

  /** The current token's kind (a method, so TypeScript does not narrow it across calls). */
  private k(): Kind {
    return this.kind;
  }

  private get tokenText(): string {
    return this.text.slice(this.start, this.p);
  }

  private save(): [number, Kind, number, string] {
    return [this.p, this.kind, this.start, this.value];
  }
  private restore([p, kind, start, value]: [number, Kind, number, string]): void {
    this.p = p;
    this.kind = kind;
    this.start = start;
    this.value = value;
  }

  /** TypeScript's scanJsDocToken. */
  private next(): Kind {
    const t = this.text;
    this.start = this.p;
    if (this.p >= this.limit) return (this.kind = "eof");
    const c = t.charCodeAt(this.p);
    if (c === 9 || c === 11 || c === 12 || c === 32) {
      this.p++;
      while (this.p < this.limit && isSpace(t.charCodeAt(this.p))) this.p++;
      return (this.kind = "ws");
    }
    if (c === 13 || c === 10) {
      this.p += c === 13 && t.charCodeAt(this.p + 1) === 10 ? 2 : 1;
      return (this.kind = "nl");
    }
    const single = SINGLE.get(c);
    if (single) {
      this.p++;
      return (this.kind = single);
    }
    const ch = String.fromCodePoint(t.codePointAt(this.p)!);
    this.p += ch.length;
    if (IDENT_START.test(ch)) {
      while (this.p < this.limit) {
        const n = t.charCodeAt(this.p);
        if (n < 128) {
          if (!isAsciiWordChar(n) && n !== 45) break;
          this.p++;
          continue;
        }
        const cp = String.fromCodePoint(t.codePointAt(this.p)!);
        if (!IDENT_PART.test(cp)) break;
        this.p += cp.length;
      }
      this.value = t.slice(this.start, this.p);
      return (this.kind = "ident");
    }
    return (this.kind = "other");
  }

  /** TypeScript's scanJSDocCommentTextToken. */
  private nextText(inBackticks: boolean): Kind {
    const t = this.text;
    this.start = this.p;
    if (this.p >= this.limit) return (this.kind = "eof");
    for (; this.p < this.limit;) {
      const c = t.charCodeAt(this.p);
      if (isLineBreak(c) || c === 96) break;
      if (!inBackticks) {
        if (c === 123) break;
        const tagAt = c === 64 && this.p - 1 >= 0 && isSpace(t.charCodeAt(this.p - 1));
        if (tagAt && !(this.p + 1 < this.limit && isWhiteSpaceLike(t.charCodeAt(this.p + 1)))) break;
      }
      this.p += c >= 0xd800 && c <= 0xdbff && this.p + 1 < this.limit ? 2 : 1;
    }
    if (this.p === this.start) return this.next();
    this.value = t.slice(this.start, this.p);
    return (this.kind = "text");
  }

  /** The main loop of parseJSDocCommentWorker, keeping only what tags need. */
  tags(): JsDocTag[] {
    const out: JsDocTag[] = [];
    const t = this.text;
    let state = SAW_ASTERISK;
    let indent = this.pos - (t.lastIndexOf("\n", this.pos) + 1) + 4;
    let margin: number | undefined;
    const push = (s: string): void => {
      if (!margin) margin = indent;
      indent += s.length;
    };
    this.next();
    while (this.kind === "ws") this.next();
    if (this.kind === "nl") {
      state = BOL;
      indent = 0;
      this.next();
    }
    for (;;) {
      switch (this.k()) {
        case "at":
          out.push(this.tag(indent));
          state = BOL;
          margin = undefined;
          break;
        case "nl":
          state = BOL;
          indent = 0;
          break;
        case "star":
          if (state === SAW_ASTERISK) {
            state = SAVING;
            push("*");
          } else {
            state = SAW_ASTERISK;
            indent += 1;
          }
          break;
        case "ws": {
          const ws = this.tokenText;
          indent += ws.length;
          break;
        }
        case "eof":
          return out;
        case "text":
          state = SAVING;
          push(this.value);
          break;
        case "open":
          state = SAVING;
          if (this.link() !== undefined) break;
          push(this.tokenText);
          break;
        default:
          state = SAVING;
          push(this.tokenText);
      }
      if (state === SAVING) this.nextText(false);
      else this.next();
    }
  }

  /** parseTag, every tag read as an unknown tag: its name, then its comment. */
  private tag(margin: number): JsDocTag {
    const start = this.start;
    this.next();
    let name = "";
    if (this.kind === "ident") {
      name = this.value;
      this.next();
    }
    const indentText = this.skipWhitespaceOrAsterisk();
    // parseTrailingTagComments
    if (!indentText) margin += this.start - start;
    return { name, start, comment: this.tagComments(margin, indentText.slice(margin)) };
  }

  private skipWhitespaceOrAsterisk(): string {
    if ((this.kind === "ws" || this.kind === "nl") && this.onlyWhitespaceLeft()) return "";
    let lineBreak = this.kind === "nl";
    let seen = false;
    let indentText = "";
    while ((lineBreak && this.kind === "star") || this.kind === "ws" || this.kind === "nl") {
      indentText += this.tokenText;
      if (this.kind === "nl") {
        lineBreak = true;
        seen = true;
        indentText = "";
      } else if (this.kind === "star") lineBreak = false;
      this.next();
    }
    return seen ? indentText : "";
  }

  private skipWhitespace(): void {
    if ((this.kind === "ws" || this.kind === "nl") && this.onlyWhitespaceLeft()) return;
    while (this.kind === "ws" || this.kind === "nl") this.next();
  }

  /** isNextNonwhitespaceTokenEndOfFile, as a look-ahead. */
  private onlyWhitespaceLeft(): boolean {
    const saved = this.save();
    try {
      for (;;) {
        this.next();
        if (this.kind === "eof") return true;
        if (this.kind !== "ws" && this.kind !== "nl") return false;
      }
    } finally {
      this.restore(saved);
    }
  }

  /** parseTagComments: the comment's text, links written as getTextOfJSDocComment writes them. */
  private tagComments(startIndent: number, initialMargin: string | undefined): string | undefined {
    let indent = startIndent;
    let comments: string[] = [];
    const parts: string[] = [];
    let state = BOL;
    let margin: number | undefined;
    const push = (s: string): void => {
      if (!margin) margin = indent;
      comments.push(s);
      indent += s.length;
    };
    if (initialMargin !== undefined) {
      if (initialMargin !== "") push(initialMargin);
      state = SAW_ASTERISK;
    }
    loop: for (;;) {
      switch (this.k()) {
        case "nl":
          state = BOL;
          comments.push(this.tokenText);
          indent = 0;
          break;
        case "at":
          // resetTokenState(getTokenEnd() - 1): the caller scans the `@` again.
          this.p = this.start;
          break loop;
        case "eof":
          break loop;
        case "ws": {
          const ws = this.tokenText;
          if (margin !== undefined && indent + ws.length > margin) {
            comments.push(ws.slice(margin - indent));
            state = SAVING;
          }
          indent += ws.length;
          break;
        }
        case "open": {
          state = SAVING;
          const link = this.link();
          if (link !== undefined) {
            parts.push(comments.join(""), link);
            comments = [];
          } else push(this.tokenText);
          break;
        }
        case "tick":
          state = state === BACKTICKS ? SAVING : BACKTICKS;
          push(this.tokenText);
          break;
        case "text":
          if (state !== BACKTICKS) state = SAVING;
          push(this.value);
          break;
        case "star":
          if (state === BOL) {
            state = SAW_ASTERISK;
            indent += 1;
            break;
          }
          if (state !== BACKTICKS) state = SAVING;
          push(this.tokenText);
          break;
        default:
          if (state !== BACKTICKS) state = SAVING;
          push(this.tokenText);
      }
      if (state === SAVING || state === BACKTICKS) this.nextText(state === BACKTICKS);
      else this.next();
    }
    while (comments.length > 0 && (comments[0] === "\n" || comments[0] === "\r")) comments.shift();
    const trimmed = comments.join("").trimEnd();
    if (parts.length > 0) return parts.join("") + trimmed;
    return trimmed.length > 0 ? trimmed : undefined;
  }

  /**
   * parseJSDocLink at a `{`: `{@link Name text}` formatted as formatJSDocLink does, or undefined
   * (and nothing consumed) when the brace does not open a link. After a link the current token
   * is its `}` (or the line break or end that cut it short).
   */
  private link(): string | undefined {
    const saved = this.save();
    let kind: string | undefined;
    if (this.next() === "at" && this.next() === "ident" && LINK_KINDS.has(this.value)) kind = this.value;
    if (!kind) {
      this.restore(saved);
      return undefined;
    }
    this.next();
    this.skipWhitespace();
    let name = "";
    if (this.kind === "ident") {
      // parseIdentifierName: the parser's own scanner reads on from here (trivia skipped).
      name = this.value;
      this.regular();
      while (this.k() === "other" && this.tokenText === ".") {
        this.regular();
        name += ".";
        if (this.kind === "ident") {
          name += this.value;
          this.regular();
        }
      }
      // `Name#member`: the JSDoc scanner reads the member, the parser's scanner goes on after it.
      while (this.k() === "private") {
        this.p = this.start + 1;
        name += "#";
        if (this.next() === "ident") {
          name += this.value;
          this.regular();
        }
      }
    }
    const text: string[] = [];
    while (this.kind !== "close" && this.kind !== "nl" && this.kind !== "eof") {
      text.push(this.tokenText);
      this.next();
    }
    const joined = text.join("");
    const space = name && (joined === "" || joined.startsWith("://")) ? "" : " ";
    return `{@${kind} ${name}${space}${joined}}`;
  }

  /** One token of TypeScript's ordinary scanner (trivia skipped), as far as link names need it. */
  private regular(): Kind {
    const t = this.text;
    for (;;) {
      if (this.p >= this.limit) break;
      const c = t.charCodeAt(this.p);
      if (isWhiteSpaceLike(c)) this.p++;
      else if (c === 47 && t.charCodeAt(this.p + 1) === 47) {
        while (this.p < this.limit && !isLineBreak(t.charCodeAt(this.p))) this.p++;
      } else if (c === 47 && t.charCodeAt(this.p + 1) === 42) {
        const close = t.indexOf("*/", this.p + 2);
        this.p = close < 0 || close + 2 > this.limit ? this.limit : close + 2;
      } else break;
    }
    this.start = this.p;
    if (this.p >= this.limit) return (this.kind = "eof");
    const c = t.charCodeAt(this.p);
    if (c === 125) {
      this.p++;
      return (this.kind = "close");
    }
    if (c === 34 || c === 39) {
      this.p++;
      while (this.p < this.limit && t.charCodeAt(this.p) !== c && !isLineBreak(t.charCodeAt(this.p))) {
        this.p += t.charCodeAt(this.p) === 92 ? 2 : 1;
      }
      if (t.charCodeAt(this.p) === c) this.p++;
      this.p = Math.min(this.p, this.limit);
      return (this.kind = "other");
    }
    if (c === 35 && this.p + 1 < this.limit && IDENT_START.test(String.fromCodePoint(t.codePointAt(this.p + 1)!))) {
      this.p++;
      this.regularIdent();
      return (this.kind = "private");
    }
    const ch = String.fromCodePoint(t.codePointAt(this.p)!);
    this.p += ch.length;
    if (IDENT_START.test(ch)) {
      this.regularIdent();
      this.value = t.slice(this.start, this.p);
      return (this.kind = "ident");
    }
    return (this.kind = "other");
  }

  private regularIdent(): void {
    const t = this.text;
    while (this.p < this.limit) {
      const n = String.fromCodePoint(t.codePointAt(this.p)!);
      if (!IDENT_PART.test(n)) break;
      this.p += n.length;
    }
  }
}

const isWhiteSpaceLike = (c: number): boolean => isSpace(c) || isLineBreak(c);

/** ts-morph's StringUtils.isWhitespaceCharCode. */
const MORPH_WS = new Set([32, 12, 10, 13, 9, 11, 0xa0, 0x2028, 0x2029]);

/** ts-morph's JSDoc.getDescription(), given where the first tag starts (or the closing `*\/`). */
function description(text: string, pos: number, endSearchStart: number): string {
  let start = pos + 3;
  if (text.charCodeAt(start) === 32) start++;
  const back = (from: number, stop: (c: number) => boolean): number => {
    let p = from;
    while (p > 0 && !stop(text.charCodeAt(p - 1))) p--;
    return p;
  };
  const endOrNewLine = back(endSearchStart, (c) => c === 10 || (!MORPH_WS.has(c) && c !== 42));
  const endPos = back(endOrNewLine, (c) => c !== 10 && c !== 13);
  return withoutStars(text.substring(start, Math.max(start, endPos)));
}

/** ts-morph's getTextWithoutStars. */
function withoutStars(input: string): string {
  let inner = input.startsWith("/**") ? input.replace(/^\/\*\*[^\S\n]*\n?/, "") : input;
  // .replace(/(\r?\n)?[^\S\n]*\*\/$/, ""), without a regular expression scanning the whole text.
  if (inner.endsWith("*/")) {
    let cut = inner.length - 2;
    while (cut > 0 && /[^\S\n]/.test(inner[cut - 1]!)) cut--;
    if (inner[cut - 1] === "\n") cut -= inner[cut - 2] === "\r" ? 2 : 1;
    inner = inner.slice(0, cut);
  }
  return inner
    .split(/\n/)
    .map((line) => {
      let star = -1;
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 42) {
          star = i;
          break;
        }
        if (!MORPH_WS.has(c)) break;
      }
      if (star === -1) return line;
      return line.substring(line[star + 1] === " " ? star + 2 : star + 1);
    })
    .join("\n");
}
