/**
 * `inspect --web`: the capture on a local page. Bound to 127.0.0.1 with a random token in the URL
 * (any other local page or process without it gets 403). The page shows the screenshot with the
 * element boxes over it; a click shows the element's attributes, the suggested selector as YAML
 * and the named selectors that find it; "Refresh" captures the screen again.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Capture } from './capture.js';
import { INSPECT_PAGE } from './page.js';

/** A running inspect page. */
export interface InspectServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `current()` and re-capture with `refresh()`. */
export async function serveInspect(
  current: () => Capture,
  refresh: () => Promise<Capture>,
): Promise<InspectServer> {
  const token = randomBytes(16).toString('hex');
  const json = (c: Capture) =>
    JSON.stringify({
      n: c.n,
      width: c.width,
      height: c.height,
      png: c.png,
      elements: c.elements,
      files: [c.screenshotFile, c.pageSourceFile],
    });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.searchParams.get('token') !== token) {
      res.writeHead(403).end('forbidden');
      return;
    }
    const send = (type: string, body: string) =>
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (req.method === 'GET' && url.pathname === '/') return send('text/html; charset=utf-8', INSPECT_PAGE);
    if (req.method === 'GET' && url.pathname === '/api/screen')
      return send('application/json', json(current()));
    if (req.method === 'POST' && url.pathname === '/api/refresh') {
      refresh().then(
        (c) => send('application/json', json(c)),
        (err: unknown) => res.writeHead(500).end(String(err instanceof Error ? err.message : err)),
      );
      return;
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
