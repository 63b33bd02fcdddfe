// Reconciliation, the SDK reader included, must not load ts-morph or typescript (about 0.5 s and
// 120 MB per run): esbuild follows every import, dynamic ones too, from the evidence loader.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("generator/reconcile loads no compiler", () => {
  it("no import of ts-morph or typescript is reachable from load-evidence.ts or reconcile/index.ts", async () => {
    const result = await build({
      entryPoints: ["generator/reconcile/load-evidence.ts", "generator/reconcile/index.ts"].map((f) =>
        path.join(ROOT, f),
      ),
      bundle: true,
      write: false,
      outdir: "out",
      platform: "node",
      format: "esm",
      splitting: true,
      packages: "external",
      metafile: true,
      logLevel: "silent",
    });
    const packages = new Set<string>();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const i of output.imports)
        if (i.external)
          packages.add(i.path.startsWith("@") ? i.path.split("/").slice(0, 2).join("/") : i.path.split("/")[0]!);
    }
    const inputs = Object.keys(result.metafile.inputs);
    // The SDK reader is in the graph, so the check covers it.
    expect(inputs.some((f) => f.endsWith("reconcile/sources/aws-sdk.ts"))).toBe(true);
    expect([...packages].filter((p) => p === "ts-morph" || p === "typescript")).toEqual([]);
  });
});
