// A real cognito-local server for the contract suite: 127.0.0.1, a free port, a temporary
// state folder, started and stopped by the tests themselves.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface CognitoLocal {
  endpoint: string;
  port: number;
  /** Calls an operation over the JSON 1.1 protocol (X-Amz-Target), as the SDK does. */
  call(operation: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const CHILD = fileURLToPath(new URL("./cognito-local-child.mjs", import.meta.url));

export async function startCognitoLocal(): Promise<CognitoLocal> {
  const dir = mkdtempSync(path.join(tmpdir(), "structgen-cognito-"));
  mkdirSync(path.join(dir, ".cognito"));
  // Plain usernames by default; a scenario creates its own email-alias pool.
  writeFileSync(
    path.join(dir, ".cognito", "config.json"),
    JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }),
  );
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [CHILD], {
    cwd: dir,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), DEBUG: "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += String(d)));
  child.stderr!.on("data", (d) => (log += String(d)));
  const killNow = () => child.kill("SIGKILL");
  process.once("exit", killNow);

  const stop = async (): Promise<void> => {
    process.off("exit", killNow);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.stdin!.end();
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`cognito-local exited early:\n${log}`);
    }
    try {
      const r = await fetch(`${endpoint}/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`cognito-local did not answer on ${endpoint} within 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    endpoint,
    port,
    async call(operation, body) {
      const r = await fetch(endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}`,
        },
        body: JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    stop,
  };
}
