import { createVerifier, type VerifierResponseBody } from '@signet/verifier';
import { startVerifierServer } from '@signet/verifier/server';
import { withAuth } from '@signet/fetch';
import type { DemoRow } from './demo-row.js';
import { demoPolicy, scenarios } from './scenarios.js';

/** Starts the verifier server on loopback, sends every scenario through every adapter, and returns one row each. */
export async function runDemo(): Promise<DemoRow[]> {
  const server = await startVerifierServer({ verifier: createVerifier(demoPolicy) });
  try {
    const rows: DemoRow[] = [];
    for (const scenario of scenarios) {
      let resent = false;
      const api = withAuth(fetch, scenario.credential, {
        origins: server.origin,
        ...(scenario.clock ? { clock: scenario.clock } : {}),
        onEvent: (event) => {
          if (event.type === 'auth.retry') resent = true;
        },
      });
      const init: RequestInit = { method: scenario.method, headers: scenario.headers ?? {}, ...(scenario.body === undefined ? {} : { body: scenario.body }) };
      const response = await api(`${server.origin}${scenario.path}`, init);
      const report = (await response.json()) as VerifierResponseBody;
      rows.push({
        scheme: scenario.scheme,
        adapter: 'fetch',
        request: `${scenario.method} ${scenario.path}${scenario.note ? ` (${scenario.note})` : ''}`,
        status: response.status,
        verified: report.verified,
        saw: (report.verified ? `identity ${report.identity}` : `refused: ${report.reason}`) + (resent ? ', after one re-sign' : ''),
        expectRefused: scenario.expectRefused,
      });
    }
    return rows;
  } finally {
    await server.close();
  }
}
