// Never destroy: the output folder may not be, contain or lie inside an input (a corpus folder,
// the schemas folder, an evidence source, the config file), be the working folder, or be a file.
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { diagnostic, StructgenError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath } from "./io-errors.js";

export interface GuardInput {
  /** The output root, then each corpus's output folder. */
  outputs: string[];
  inputs: string[];
  cwd?: string;
}

/** The path with links resolved as far as it exists (the rest appended as written). */
function real(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync.native(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(real(parent), path.basename(abs));
  }
}

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
};

const kindOf = (p: string): "folder" | "file" | "missing" => {
  try {
    return statSync(p).isDirectory() ? "folder" : "file";
  } catch {
    return "missing";
  }
};

/** Throws a USAGE_* error (exit 2) for every way the outputs could touch the inputs. */
export function guardOutput({ outputs, inputs, cwd = process.cwd() }: GuardInput): void {
  const ds: Diagnostic[] = [];
  const here = real(cwd);
  const ins = [...new Set(inputs.map((i) => path.resolve(cwd, i)))];
  for (const out of [...new Set(outputs.map((o) => path.resolve(cwd, o)))]) {
    const shown = displayPath(out, cwd);
    const r = real(out);
    if (kindOf(out) === "file") ds.push(diagnostic("USAGE_OUT_IS_FILE", { out: shown }));
    if (r === here) ds.push(diagnostic("USAGE_OUT_IS_WORKING_FOLDER", { out: shown }));
    for (const input of ins) {
      const i = real(input);
      const relation = r === i ? "is" : inside(r, i) ? "lies inside" : inside(i, r) ? "contains" : undefined;
      if (relation)
        ds.push(diagnostic("USAGE_OUT_OVERLAPS_INPUT", { out: shown, relation, input: displayPath(input, cwd) }));
    }
    // The output root comes first: once it is refused, its corpus folders would only repeat it.
    if (ds.length > 0) break;
  }
  if (ds.length > 0) throw new StructgenError(ds);
}
