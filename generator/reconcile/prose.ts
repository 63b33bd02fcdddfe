// Facts hidden in prose: the values a description lists, and "no longer supported".
// Descriptions are HTML (AWS models, JSON Structure files) or plain text (boto3 pages).

/** Phrases that announce a list of values. Without one, capitalised words are not values. */
const CUE =
  /possible values|one of the following|valid values|can be one of|values? (?:are|is|include)|the following values|set to one of|supported values/i;

const CONSTANT = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** Constant-like values listed by a description (in first-mention order, without duplicates). */
export function proseValues(text: string | undefined): string[] {
  if (!text || !CUE.test(text)) return [];
  const found: string[] = [];
  const add = (v: string): void => {
    if (CONSTANT.test(v) && v.length > 1 && !found.includes(v)) found.push(v);
  };
  // <code>X</code> in HTML prose.
  for (const m of text.matchAll(/<code>\s*([^<]+?)\s*<\/code>/g)) add(m[1]!);
  // List items that start with a value: "<li><p>UNCONFIRMED - …" or "• UNCONFIRMED - …".
  for (const m of text.matchAll(/(?:<li>\s*(?:<p>)?|^\s*[•*-]\s+)([A-Z][A-Z0-9_]+)\s+[-–—:]\s/gm)) add(m[1]!);
  // Plain prose after the cue: "are STANDARD_IA, ONE_ZONE_IA, and GLACIER_IR".
  const plain = text.replace(/<[^>]+>/g, " ");
  const cue = CUE.exec(plain);
  if (cue) {
    const sentence = plain.slice(cue.index).split(/(?<=[.;])\s/)[0] ?? "";
    for (const m of sentence.matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g)) add(m[1]!);
  }
  return found;
}

const WORDS = /deprecated|supported/i;
const DEPRECATION = /\b(?:is|are) no longer supported\b|\bdeprecated\b(?! *(?:in favor|by)? *no)/i;

/** The sentence that says a member or type is deprecated, if the prose says so. */
export function proseDeprecation(text: string | undefined): string | undefined {
  // Either phrase needs one of these words whole in the text itself: removing tags adds only spaces.
  if (!text || !WORDS.test(text)) return undefined;
  const plain = text
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!DEPRECATION.test(plain)) return undefined;
  const sentence = plain.split(/(?<=[.!?])\s+/).find((s) => DEPRECATION.test(s));
  return sentence?.trim();
}
