// The `format` names structgen validates (beyond those its primitive types imply).
// Resolver, JSON Schema emitter and validator runtime all agree on this list.
export const KNOWN_FORMATS = [
  "date-time",
  "date",
  "time",
  "duration",
  "uuid",
  "uri",
  "uri-reference",
  "json-pointer",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "int64",
  "uint64",
  "int128",
  "uint128",
] as const;

export type KnownFormat = (typeof KNOWN_FORMATS)[number];

export const isKnownFormat = (f: string): f is KnownFormat => (KNOWN_FORMATS as readonly string[]).includes(f);
