import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('@signet/node in a browser bundle', () => {
  it('resolves mtls() to the build that throws unsupported_runtime (the browser export condition)', async () => {
    const result = await build({
      stdin: {
        contents: "import { mtls } from '@signet/node'; try { mtls({ origins: 'https://x.example' }); globalThis.outcome = 'no error'; } catch (error) { globalThis.outcome = error.code; }",
        resolveDir: import.meta.dirname,
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
      // Built from the dist/ entries as an app would; the source condition too, as this repo's own bundlers use it.
      conditions: ['@signet/source'],
    });
    const sandbox: { outcome?: string } = {};
    runInNewContext(result.outputFiles[0]!.text, sandbox);
    expect(sandbox.outcome).toBe('unsupported_runtime');
    // Only the stub came along: none of the Node agents (the bundle would not even build for a browser with them).
    expect(result.outputFiles[0]!.text).not.toMatch(/MtlsDispatcher|MtlsHttpsAgent|createSecureContext/);
  });
});
