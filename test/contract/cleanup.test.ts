// The server never outlives the suite: stop() ends it, and so does the death of the process
// that started it (its stdin closes), even when that process is killed outright.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startCognitoLocal } from "./cognito-local.js";

const CHILD = fileURLToPath(new URL("./cognito-local-child.mjs", import.meta.url));

const answers = async (endpoint: string): Promise<boolean> => {
  try {
    return (await fetch(`${endpoint}/health`)).ok;
  } catch {
    return false;
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe("cognito-local lifecycle", () => {
  it("stop() ends the server and frees the port", async () => {
    const c = await startCognitoLocal();
    expect(await answers(c.endpoint)).toBe(true);
    await c.stop();
    expect(await answers(c.endpoint)).toBe(false);
  });

  it("a killed parent takes the server with it", async () => {
    // A parent process that starts the server, prints its pid, then is SIGKILLed.
    const script = `
      const { spawn } = require("node:child_process");
      const child = spawn(process.execPath, [${JSON.stringify(CHILD)}], { cwd: require("node:os").tmpdir(), env: { ...process.env, HOST: "127.0.0.1", PORT: process.argv[1] }, stdio: ["pipe", "ignore", "ignore"] });
      console.log(child.pid);
      setInterval(() => {}, 1000);
    `;
    const { createServer } = await import("node:net");
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const parent = spawn(process.execPath, ["-e", script, String(port)], { stdio: ["ignore", "pipe", "ignore"] });
    const childPid = await new Promise<number>((resolve) =>
      parent.stdout!.once("data", (d) => resolve(Number(String(d).trim()))),
    );
    expect(await until(() => answers(`http://127.0.0.1:${port}`), 30_000)).toBe(true);
    parent.kill("SIGKILL");
    expect(await until(() => !alive(childPid), 10_000)).toBe(true);
    expect(await answers(`http://127.0.0.1:${port}`)).toBe(false);
  });
});
