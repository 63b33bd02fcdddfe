// The validators' runtime (runtime.js as the emitter writes it), loaded for tests: its format
// checks are the ones the oracle registers with ajv, so both sides judge formats alike.
import { inMemorySource } from "../../generator/emit/validators/index.js";
import { FORMATS as FORMAT_CHECKS } from "../../generator/emit/validators/leaves.js";
import { runtimeJs } from "../../generator/emit/validators/runtime-text.js";
import type { Model } from "../../generator/ir/model.js";
import type { ValidatorModule } from "../../generator/validators-module.js";

export const dataUrl = (text: string): string => `data:text/javascript;base64,${Buffer.from(text).toString("base64")}`;

type Fn = (s: string) => boolean;

/** runtime.js's exports. */
export const runtime = (await import(dataUrl(runtimeJs()))) as Record<string, unknown> & {
  bigWithin(s: string, b: Record<string, string>): boolean;
  sdkToWire(v: unknown): unknown;
};

/** Format name → [runtime function name, function], for registering with ajv. */
export const FORMATS: Record<string, [string, Fn]> = Object.fromEntries(
  Object.entries(FORMAT_CHECKS).map(([format, [fn]]) => [format, [fn, runtime[fn] as Fn]]),
);

/** The validators of a model as generate writes them, as one module (the runtime inlined). */
export async function validatorsOf(model: Model): Promise<ValidatorModule & Record<string, unknown>> {
  return (await import(dataUrl(inMemorySource(model)))) as ValidatorModule & Record<string, unknown>;
}
