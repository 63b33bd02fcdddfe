// Type-checks files with the project's own TypeScript, strictly, as a consumer would compile them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");

export interface TypecheckResult {
  ok: boolean;
  output: string;
}

/**
 * Runs `tsc --strict --noEmit` (NodeNext, ES2022, no skipLibCheck, so .d.ts files are checked too)
 * over absolute file paths, through a throwaway tsconfig so no ambient project settings leak in.
 */
export function typecheck(files: string[]): TypecheckResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), "structgen-tsc-"));
  try {
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        lib: ["ES2022"],
        types: [],
        skipLibCheck: false,
        noUnusedLocals: false,
        // Generated contract files import structgen/contract, which a consumer has installed (dist/ is built).
        paths: { "structgen/contract": [path.join(ROOT, "dist", "contract", "index.d.ts")] },
      },
      files: files.map((f) => path.resolve(f)),
    };
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(config, null, 2));
    const r = spawnSync(process.execPath, [TSC, "-p", path.join(dir, "tsconfig.json"), "--pretty", "false"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    if (r.error) throw r.error;
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
