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
      const api = withAuth(fetch, scenario.credential, { origins: server.origin });
      const init: RequestInit = scenario.body === undefined ? { method: scenario.method } : { method: scenario.method, body: scenario.body };
      const response = await api(`${server.origin}${scenario.path}`, init);
      const report = (await response.json()) as VerifierResponseBody;
      rows.push({
        scheme: scenario.scheme,
        adapter: 'fetch',
        request: `${scenario.method} ${scenario.path}`,
        status: response.status,
        verified: report.verified,
        saw: report.verified ? `identity ${report.identity}` : `refused: ${report.reason}`,
        expectRefused: scenario.expectRefused,
      });
    }
    return rows;
  } finally {
    await server.close();
  }
}
