// The width prettier gives text (its getStringWidth, ported with the same tables): Markdown tables
// are padded to it and TypeScript lines broken by it, so prettier finds them already laid out.
// Wide and fullwidth characters and emoji count 2, narrow emoji 1, combining marks and control
// characters 0, the rest 1.
import { EMOJI, FULLWIDTH, NARROW_EMOJI, WIDE } from "./width-tables.js";

const NOT_ASCII = /[^\x20-\x7F]/;
const ZERO_WIDTH_MARK = /[\p{Nonspacing_Mark}\p{Enclosing_Mark}]/u;

/** Binary search over [start, end] pairs. */
function inRanges(ranges: readonly number[], codePoint: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < ranges[mid * 2]!) high = mid - 1;
    else if (codePoint > ranges[mid * 2 + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

export function stringWidth(text: string): number {
  // Like prettier, the fast path counts DEL (0x7F) as 1 when the text is otherwise ASCII.
  if (!NOT_ASCII.test(text)) return text.length;
  let width = 0;
  const rest = text.replace(EMOJI, (emoji) => {
    width += NARROW_EMOJI.test(emoji) ? 1 : 2;
    return "";
  });
  for (const character of rest) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f)) continue;
    if (ZERO_WIDTH_MARK.test(character)) continue;
    width += inRanges(FULLWIDTH, codePoint) || inRanges(WIDE, codePoint) ? 2 : 1;
  }
  return width;
}
