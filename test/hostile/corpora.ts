// Hostile fixture corpora (test/fixtures/hostile) that generate: their output is checked by
// generated-output.test.ts and held to prettier by test/emit/prettier-stable.test.ts; malformed.test.ts
// counts them (and bidi, which bidi.test.ts generates) as covered.
export const GENERATING = [
  "bom",
  "property-names",
  "type-names-reserved",
  "type-names-runtime",
  "enum-collisions",
  "injection",
  "recursive",
] as const;
