import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createSandboxState,
  type SandboxHandler,
  type SandboxState,
  type WireRequest,
} from "../contract";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The courier sandbox as a standalone HTTP server on a loopback port, for contract tests that
 * run real drivers over real HTTP: `${origin}/{courier}/…` is that courier's API.
 */
export async function startSandboxServer(
  sandboxes: Record<
    string,
    { handler: SandboxHandler; accounts: Record<string, Record<string, string>> }
  >,
): Promise<{ origin: string; states: Map<string, SandboxState>; close: () => Promise<void> }> {
  const states = new Map(
    Object.entries(sandboxes).map(([c, s]) => [c, createSandboxState(s.accounts)]),
  );
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://sandbox.local");
      const courier = url.pathname.split("/")[1] ?? "";
      const sandbox = sandboxes[courier];
      if (!sandbox) {
        res.writeHead(404, { "content-type": "text/plain" }).end(`no sandbox for "${courier}"`);
        return;
      }
      const wire: WireRequest = {
        method: req.method === "GET" ? "GET" : "POST",
        url: `http://${req.headers.host}${req.url}`,
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(", ") : (v ?? ""),
          ]),
        ),
        body: await readBody(req),
      };
      const reply = await sandbox.handler(wire, states.get(courier)!);
      res.writeHead(reply.status, reply.headers).end(reply.body);
    })().catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    states,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
