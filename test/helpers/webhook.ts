/** A local webhook for notification tests: a server on 127.0.0.1 that records what is POSTed to it. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the webhook received, and a way to wait for the first body. */
export interface TestWebhook {
  url: string;
  /** Every JSON body POSTed so far. */
  bodies: Record<string, unknown>[];
  /** The first JSON body POSTed. */
  first: Promise<Record<string, unknown>>;
  close(): void;
}

/** Start a webhook that answers every request with `status`. */
export async function webhook(status = 204): Promise<TestWebhook> {
  let got: (b: Record<string, unknown>) => void = () => {};
  const first = new Promise<Record<string, unknown>>((r) => (got = r));
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let s = '';
    req.setEncoding('utf8').on('data', (c: string) => (s += c));
    req.on('end', () => {
      res.writeHead(status).end();
      if (req.method === 'POST' && req.headers['content-type'] === 'application/json') {
        const body = JSON.parse(s) as Record<string, unknown>;
        bodies.push(body);
        got(body);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/draftvault`,
    bodies,
    first,
    close: () => server.close(),
  };
}
