import { describe, expect, test } from 'vitest';
import { formatTable } from '../src/format-table.js';
import { runDemo } from '../src/run-demo.js';

describe('pnpm demo', () => {
  test('every scheme is accepted through every adapter, and the wrong credentials are refused with 401', async () => {
    const rows = await runDemo();
    for (const row of rows) {
      expect(row.verified, `${row.scheme} ${row.request} ${row.saw}`).toBe(!row.expectRefused);
      expect(row.status).toBe(row.expectRefused ? 401 : 200);
    }
    const schemes = new Set(rows.filter((r) => r.verified).map((r) => r.scheme));
    expect([...schemes].sort()).toEqual(['api-key', 'basic', 'bearer', 'dpop', 'hmac', 'http-signature', 'jwt', 'mtls', 'oauth1', 'webhook']);
    // Every adapter refuses the same things, for the same reasons.
    for (const adapter of ['fetch', 'axios', 'node:http', 'undici']) {
      expect(
        rows
          .filter((r) => r.adapter === adapter && !r.verified)
          .map((r) => `${r.scheme} ${r.saw}`)
          .sort(),
        adapter,
      ).toEqual([
        'api-key refused: unknown_key',
        'basic refused: invalid_credentials',
        'bearer refused: signature_mismatch',
        'dpop refused twice: auth_rejected error after one re-send',
        'hmac refused: signature_mismatch',
        'http-signature refused: signature_mismatch',
        'jwt refused: signature_mismatch, after one re-sign',
        'mtls refused: unknown_ca',
        'oauth1 refused: signature_mismatch',
        'webhook refused: signature_mismatch',
      ]);
      expect(rows.find((r) => r.adapter === adapter && r.request.includes('clock 7 min slow'))?.saw).toBe('identity partner-42, after one re-sign');
    }
    // Every scenario ran through every adapter.
    expect(rows.length % 4).toBe(0);
    expect(new Set(rows.map((r) => r.adapter))).toEqual(new Set(['fetch', 'axios', 'node:http', 'undici']));
  });

  test('the table lines up and marks expected refusals', () => {
    const table = formatTable([
      { scheme: 'api-key', adapter: 'fetch', request: 'GET /a', status: 200, verified: true, saw: 'identity x', expectRefused: false },
      { scheme: 'basic', adapter: 'fetch', request: 'GET /b', status: 401, verified: false, saw: 'refused: invalid_credentials', expectRefused: true },
    ]);
    expect(table).toBe(
      [
        'scheme   adapter  request  status  verified       the verifier saw',
        '-------  -------  -------  ------  -------------  ----------------------------',
        'api-key  fetch    GET /a   200     yes            identity x',
        'basic    fetch    GET /b   401     no (expected)  refused: invalid_credentials',
        '',
      ].join('\n'),
    );
  });
});
