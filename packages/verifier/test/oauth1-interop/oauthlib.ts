// Runs Python's oauthlib (the Debian package python3-oauthlib) as an independent OAuth 1.0a
// server: one `/usr/bin/python3 oauthlib_verify.py` process per test file, fed one JSON request
// per line, answering one JSON verdict per line, in order.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The system interpreter, on purpose: Debian's python3-oauthlib is installed for it, not for a
 * pyenv or venv `python3` that may come first on PATH.
 */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const SCRIPT = fileURLToPath(new URL('./oauthlib_verify.py', import.meta.url));

const INSTALL_HINT =
  'Install it with: apt-get update && apt-get install -y --no-install-recommends python3-oauthlib ' +
  `(it must be importable by ${SYSTEM_PYTHON}; a pip install into another python3 is not seen).`;

/** One request for oauthlib to verify, and what the "server" knows about its client. */
export interface OauthlibRequest {
  method: string;
  /** The full request URI as sent on the wire. */
  uri: string;
  headers: Record<string, string>;
  /** The body as text; oauthlib reads it only for `application/x-www-form-urlencoded`. */
  body: string | null;
  consumer_key: string;
  client_secret: string;
  resource_owner_key?: string;
  resource_owner_secret?: string;
  /** The only signature method the server allows for this request. */
  signature_method: 'HMAC-SHA1' | 'HMAC-SHA256' | 'HMAC-SHA512' | 'RSA-SHA1' | 'RSA-SHA256' | 'RSA-SHA512' | 'PLAINTEXT';
  /** PEM public key, for the RSA methods. */
  rsa_public_key?: string;
  /** Accept plain http to a non-loopback host (http to 127.0.0.1/localhost/::1 is always accepted). */
  allow_http?: boolean;
  /** Accept this exact out-of-window `oauth_timestamp` (only for the RFC 5849 example). */
  accept_timestamp?: string;
}

export interface OauthlibVerdict {
  valid: boolean;
  /** Why oauthlib refused: `'invalid signature'`, `'nonce already used'`, `'unknown client'`, or its own message. */
  error?: string;
}

export interface Oauthlib {
  verify(request: OauthlibRequest): Promise<OauthlibVerdict>;
  close(): Promise<void>;
}

/**
 * Starts the oauthlib verifier. Throws, with install instructions, when `/usr/bin/python3` or
 * its `oauthlib` module is missing: this suite must fail, not skip, on a machine without them.
 */
export async function startOauthlib(): Promise<Oauthlib> {
  const probe = spawnSync(SYSTEM_PYTHON, ['-c', 'import oauthlib.oauth1; print(oauthlib.__version__)'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    const why = probe.error?.message ?? probe.stderr.trim().split('\n').at(-1);
    throw new Error(`The OAuth 1.0a interop tests need python3-oauthlib, which ${SYSTEM_PYTHON} cannot import (${why}). ${INSTALL_HINT}`);
  }

  const child: ChildProcessWithoutNullStreams = spawn(SYSTEM_PYTHON, [SCRIPT], { stdio: 'pipe' });
  const waiting: { resolve: (verdict: OauthlibVerdict) => void; reject: (error: Error) => void }[] = [];
  let stderr = '';
  let failure: Error | undefined;

  const fail = (error: Error): void => {
    failure ??= error;
    for (const pending of waiting.splice(0)) pending.reject(failure);
  };
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.on('error', (error) => fail(new Error(`Could not run ${SYSTEM_PYTHON} ${SCRIPT}: ${error.message}`)));
  child.on('exit', (code, signal) => fail(new Error(`oauthlib_verify.py exited (code ${code}, signal ${signal}). stderr:\n${stderr}`)));

  createInterface({ input: child.stdout }).on('line', (line) => {
    const pending = waiting.shift();
    if (pending === undefined) return fail(new Error(`oauthlib_verify.py answered without a question: ${line}`));
    try {
      pending.resolve(JSON.parse(line) as OauthlibVerdict);
    } catch {
      pending.reject(new Error(`oauthlib_verify.py wrote a line that is not JSON: ${line}\nstderr:\n${stderr}`));
    }
  });

  return {
    verify(request) {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise<OauthlibVerdict>((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.stdin.write(`${JSON.stringify(request)}\n`);
      });
    },
    close() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      });
    },
  };
}

/** The wire form of a signed request, as `OauthlibRequest` fields (the body decoded as UTF-8). */
export function wireRequest(request: {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: Uint8Array | undefined;
}): Pick<OauthlibRequest, 'method' | 'uri' | 'headers' | 'body'> {
  return {
    method: request.method,
    uri: request.url.href,
    headers: Object.fromEntries(request.headers),
    body: request.body === undefined ? null : new TextDecoder().decode(request.body),
  };
}
