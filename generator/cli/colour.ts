// Whether to colour a stream. FORCE_COLOR wins when set (0 or false disables; 1, 2, 3, true or empty enables,
// even when not a TTY), then NO_COLOR (any non-empty value disables), then: a TTY that is not TERM=dumb.
export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  if (env["NO_COLOR"]) return false;
  return stream.isTTY === true && env["TERM"] !== "dumb";
}

export type Paint = (code: number, s: string) => string;

export const painter = (enabled: boolean): Paint =>
  enabled ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_, s) => s;
