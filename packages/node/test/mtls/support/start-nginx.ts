import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import type { TestPki } from '@signet/verifier/server';

/** A real nginx, requiring client certificates, on a loopback port. */
export interface Nginx {
  readonly origin: string;
  /** nginx's error log, where it says why it refused a certificate. */
  errorLog(): string;
  stop(): Promise<void>;
}

/** Fails, never skips, when nginx is missing: the interop check must not vanish silently. */
export function nginxBinary(): string {
  try {
    execFileSync('nginx', ['-v'], { stdio: 'ignore' });
    return 'nginx';
  } catch {
    throw new Error('nginx is not installed: the mTLS interop test needs it. Install it with `apt-get install -y nginx-light` (Debian).');
  }
}

/**
 * Runs nginx in the foreground (no daemon, no master) with a temp prefix, as the current user,
 * with `ssl_verify_client on`: it answers 200 with the verified subject, and 400 with its own
 * page ("No required SSL certificate was sent", "The SSL certificate error") otherwise.
 */
export async function startNginx(pki: TestPki): Promise<Nginx> {
  const binary = nginxBinary();
  const port = await freePort();
  const prefix = join(pki.dir, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
master_process off;
error_log ${prefix}/logs/error.log info;
pid ${prefix}/nginx.pid;
events { worker_connections 32; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${pki.server.certPath};
    ssl_certificate_key ${pki.server.keyPath};
    ssl_client_certificate ${pki.caPath};
    ssl_verify_client on;
    location / { default_type text/plain; return 200 "$ssl_client_s_dn"; }
  }
}
`,
  );
  const child = spawn(binary, ['-p', prefix, '-c', conf, '-e', join(prefix, 'logs', 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForPort(port, child, () => stderr);
  return {
    origin: `https://127.0.0.1:${port}`,
    errorLog: () => readFileSync(join(prefix, 'logs', 'error.log'), 'utf8'),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// nginx reports readiness only by listening: poll the port, bounded, and fail with its stderr.
async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not listen on ${port} within 5 s: ${stderr()}`);
}
