import { catalogue, type Code, type Severity } from "./catalogue.js";

/** Where something is: a file, a JSON pointer in it, and 1-based line:column. */
export interface SourceLocation {
  file: string;
  pointer: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  hint: string;
  at?: SourceLocation;
  params: Record<string, string | number>;
}

export function diagnostic(code: Code, params: Record<string, string | number> = {}, at?: SourceLocation): Diagnostic {
  const entry = catalogue[code];
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : ""));
  return {
    code,
    severity: entry.severity,
    message: fill(entry.message),
    hint: fill(entry.hint),
    ...(at ? { at } : {}),
    params,
  };
}

/** Thrown when a stage cannot go on; carries every diagnostic gathered so far. */
export class StructgenError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const first = diagnostics.find((d) => d.severity === "error") ?? diagnostics[0];
    super(first ? `${first.code}: ${first.message}` : "structgen failed");
    this.name = "StructgenError";
    this.diagnostics = diagnostics;
  }
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === "error");

export function formatLocation(at: SourceLocation | undefined): string {
  if (!at) return "";
  return `${at.file}:${at.line}:${at.column}${at.pointer ? ` (${at.pointer || "/"})` : ""}`;
}

/** Stable order: by file, then position, then code; a diagnostic reported twice is kept once. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = ds.filter((d) => {
    const key = JSON.stringify([d.code, d.at?.file, d.at?.pointer, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      cmp(a.at?.file ?? "", b.at?.file ?? "") ||
      (a.at?.line ?? 0) - (b.at?.line ?? 0) ||
      (a.at?.column ?? 0) - (b.at?.column ?? 0) ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  );
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
