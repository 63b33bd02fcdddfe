// Schema files are UTF-8 (RFC 8259). A byte sequence that is not UTF-8 is an error at its place,
// never replaced by U+FFFD: a replaced enum value would otherwise reach the generated code.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { lineStarts, position } from "./parse-json.js";

const FATAL = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Decodes UTF-8 (a BOM is kept for the parser); invalid bytes give FILE_NOT_UTF8 at line:column. */
export function decodeUtf8(file: string, bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: FATAL.decode(bytes) };
  } catch {
    const offset = Math.max(0, invalidUtf8Offset(bytes));
    // The bytes before the bad one are valid: decode them to count lines and columns.
    let before = FATAL.decode(bytes.subarray(0, offset));
    if (before.charCodeAt(0) === 0xfeff) before = before.slice(1); // columns count from after a BOM
    const starts = lineStarts(before);
    const at = { file, pointer: "", ...position(starts, before.length) };
    const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
    return { ok: false, diagnostic: diagnostic("FILE_NOT_UTF8", { byte, offset }, at) };
  }
}

/**
 * The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 * (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
 */
export function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      // The second byte has the narrowed range; later ones are any continuation byte.
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}
