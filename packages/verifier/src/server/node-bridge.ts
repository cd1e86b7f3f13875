// Between Node's http(s) server and the fetch-style handlers: both loopback servers use these.
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Reads Node's request into a fetch `Request` on the server's own `origin`, never on the client's
 * Host header. Only origin-form targets (`/path?query`) are served: anything else is answered
 * with 400 here, and `undefined` is returned.
 */
export async function readRequest(req: IncomingMessage, res: ServerResponse, origin: string): Promise<Request | undefined> {
  if (!req.url?.startsWith('/')) {
    res.statusCode = 400;
    res.end();
    return undefined;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? null : Buffer.concat(chunks);
  return new Request(new URL(`${origin}${req.url}`), { method, headers, body });
}

/** Writes a fetch `Response` to Node's response. */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  // Headers joins repeated Set-Cookie values, which cannot be joined; send each one.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}
