// Recorded live responses: {"type": "AdminGetUserResponse", "response": {…}} files. Each
// top-level string value becomes an observation of what the service really sends.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { StructgenError } from "../../diagnostics/diagnostic.js";
import { escapePointerToken, parseJson } from "../../load/parse-json.js";
import { decodeUtf8 } from "../../load/utf8.js";
import type { Evidence, Observation, SourceInfo } from "../evidence.js";
import { recordingFiles } from "./files.js";

export interface Recording {
  type: string;
  response: Record<string, unknown>;
  file: string;
}

export async function readRecordings(dir: string, display: string): Promise<Recording[]> {
  const files = recordingFiles(dir);
  const out: Recording[] = [];
  for (const f of files) {
    const name = `${display}/${f.split(path.sep).join("/")}`;
    const decoded = decodeUtf8(name, await readFile(path.join(dir, f))); // invalid UTF-8 is an error, never U+FFFD
    if (!decoded.ok) throw new StructgenError([decoded.diagnostic]);
    const parsed = parseJson(name, decoded.text);
    if (!parsed.ok) throw new StructgenError(parsed.diagnostics);
    const v = parsed.doc.value as { type?: unknown; response?: unknown };
    if (typeof v.type === "string" && v.response && typeof v.response === "object" && !Array.isArray(v.response)) {
      out.push({ type: v.type, response: v.response as Record<string, unknown>, file: name });
    }
  }
  return out;
}

export async function loadRecorded(source: SourceInfo, dir: string, display: string): Promise<Evidence> {
  const observations: Observation[] = [];
  for (const r of await readRecordings(dir, display)) {
    for (const [k, v] of Object.entries(r.response)) {
      if (typeof v === "string")
        observations.push({
          subject: `${r.type}.${k}`,
          value: v,
          at: { file: r.file, pointer: `/response/${escapePointerToken(k)}`, line: 0, column: 0 },
        });
    }
  }
  return { source, shapes: new Map(), observations };
}
