// The SPA in real headless Chromium: three tabs of one browser profile share a rotating refresh
// token through @signet/core/browser, against the verifier's mock authorization server and a
// protected resource on loopback. Counts are read at the server; nothing waits a fixed time.
import { createAuthorizationServer, createVerifier, type Verifier } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SignetTestHooks } from '../src/test-hooks.js';
import { buildApp, CHROMIUM, jtiOf, until } from './support.js';

declare const window: { __signet: SignetTestHooks };

const EXPIRE = 120_000; // well past the 60 s access tokens and the verifier's 30 s leeway
let app: Awaited<ReturnType<typeof buildApp>>;
let browser: Browser;
let server: VerifierServer;
let context: BrowserContext | undefined;
let serverAdvance = 0;
// Held token requests (the `delay` fault): never released, like a request that hangs forever.
let hanging = 0;
// What the resource saw: which tab, which access token (by jti), and whether it was accepted.
let seen: { tab: string | null; jti: string | undefined; ok: boolean }[] = [];

beforeAll(async () => {
  app = await buildApp();
  browser = await chromium.launch(CHROMIUM);
  const now = () => Date.now() + serverAdvance;
  server = await startVerifierServer({
    routes: app.routes,
    authorizationServer: (origin) =>
      createAuthorizationServer({
        issuer: origin,
        clients: { spa: {} }, // a public client, as a browser app is
        accessTokenLifetimeSeconds: 60,
        now,
        sleep: () => {
          hanging++;
          return new Promise<void>(() => undefined);
        },
      }),
    verifier: ({ origin, authorizationServer }): Verifier => {
      const inner = createVerifier({ bearer: { issuers: [authorizationServer!], audience: origin }, now });
      return {
        async verify(request, options) {
          const result = await inner.verify(request, options);
          // Only the app's API calls (a tab label), not the browser's own requests (favicon).
          if (request.headers.has('x-tab')) seen.push({ tab: request.headers.get('x-tab'), jti: jtiOf(request), ok: result.ok });
          return result;
        },
      };
    },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await app?.cleanup();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  seen = [];
});

const as = () => server.authorizationServer!;

async function openTabs(count: number, config: { lockWaitMs?: number; lockTtlMs?: number } = {}): Promise<Page[]> {
  context = await browser.newContext();
  const refreshToken = as().issueRefreshToken({ clientId: 'spa' }); // the sign-in
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.evaluate((start) => window.__signet.start(start), i === 0 ? { ...config, refreshToken } : config);
    pages.push(page);
  }
  return pages;
}

const call = (page: Page, label: string) => page.evaluate((tab) => window.__signet.call('/orders', tab), label);
// Starts a call without waiting for it; its result appears in window.__signet.results.
const startCall = (page: Page, label: string) => page.evaluate((tab) => void window.__signet.call('/orders', tab).catch(() => undefined), label);
const resultOf = (page: Page, label: string) => page.evaluate((tab) => window.__signet.results[tab], label);
const advanceAll = async (pages: Page[]) => {
  serverAdvance += EXPIRE;
  for (const page of pages) await page.evaluate((ms) => window.__signet.advance(ms), EXPIRE);
};

describe('the SPA in headless Chromium', () => {
  it('three tabs, an expired access token, a rotating refresh token: exactly one refresh and every tab keeps working', async () => {
    const before = as().counters;
    const tabs = await openTabs(3);
    // The signed-in tab gets the first access token; the other two get it from that tab, not the server.
    for (const [i, page] of tabs.entries()) expect(await call(page, `first-${i}`)).toMatchObject({ status: 200, body: { verified: true, identity: 'spa' } });
    expect(as().counters.tokenRequests.refresh_token - before.tokenRequests.refresh_token).toBe(1);
    const firstJti = seen[0]!.jti;
    expect(seen.map((entry) => entry.jti)).toEqual([firstJti, firstJti, firstJti]);

    await advanceAll(tabs);
    seen = [];
    const results = await Promise.all(tabs.map((page, i) => call(page, `after-${i}`)));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
    const counters = as().counters;
    expect(counters.tokenRequests.refresh_token - before.tokenRequests.refresh_token).toBe(2);
    expect(counters.refreshTokenReuse - before.refreshTokenReuse).toBe(0);
    expect(counters.familiesRevoked - before.familiesRevoked).toBe(0);
    // Every tab's next request went out with the one new token, first time (no 401, no re-send).
    const newJti = seen[0]!.jti;
    expect(newJti).not.toBe(firstJti);
    expect(seen).toEqual(tabs.map((_, i) => expect.objectContaining({ jti: newJti, ok: true, tab: expect.stringMatching(/^after-/) })));
    expect(new Set(seen.map((entry) => entry.tab))).toEqual(new Set(['after-0', 'after-1', 'after-2']));

    // And they go on working on it.
    for (const [i, page] of tabs.entries()) expect((await call(page, `again-${i}`)).status).toBe(200);
    expect(as().counters.tokenRequests.refresh_token - before.tokenRequests.refresh_token).toBe(2);
  }, 60_000);

  it('a tab closed while it holds the lock (its token request hangs) does not block the others', async () => {
    const before = as().counters;
    // The lock's wait and TTL are ten minutes: only the closing of the tab can let the others in.
    const [holder, b, c] = await openTabs(3, { lockWaitMs: 600_000, lockTtlMs: 600_000 });
    for (const [i, page] of [holder!, b!, c!].entries()) expect((await call(page, `first-${i}`)).status).toBe(200);
    const refreshes = () => as().counters.tokenRequests.refresh_token - before.tokenRequests.refresh_token;
    expect(refreshes()).toBe(1);

    as().faults.inject({ kind: 'delay', ms: 1 }, { times: 1 });
    await advanceAll([holder!, b!, c!]);
    const hangingBefore = hanging;
    await startCall(holder!, 'holder');
    await until('the holder to be stuck in its token request', () => (hanging > hangingBefore ? true : undefined));
    await startCall(b!, 'b');
    await startCall(c!, 'c');
    // Both wait for the Web Lock the holder has (the browser lists their pending requests).
    await until('b and c to queue for the refresh lock', async () => {
      const pending = await b!.evaluate(async () => (await navigator.locks.query()).pending?.filter((lock) => lock.name?.startsWith('signet-refresh:')).length ?? 0);
      return pending === 2 ? true : undefined;
    });
    expect(refreshes()).toBe(2); // the holder's, hanging

    await holder!.close();
    const [fromB, fromC] = await Promise.all([until('b', () => resultOf(b!, 'b')), until('c', () => resultOf(c!, 'c'))]);
    expect(fromB).toMatchObject({ status: 200 });
    expect(fromC).toMatchObject({ status: 200 });
    expect(refreshes()).toBe(3);
    expect(as().counters.refreshTokenReuse - before.refreshTokenReuse).toBe(0);
    const last = seen.slice(-2);
    expect(last.map((entry) => entry.ok)).toEqual([true, true]);
    expect(last[0]!.jti).toBe(last[1]!.jti);
  }, 60_000);

  it('keeps the DPoP key pair in IndexedDB: non-extractable, the same in every tab, one pair when two tabs race', async () => {
    context = await browser.newContext();
    const [one, two] = [await context.newPage(), await context.newPage()];
    await one.goto(`${server.origin}/`);
    await two.goto(`${server.origin}/`);
    const [a, b] = await Promise.all([one.evaluate(() => window.__signet.dpopKey('as')), two.evaluate(() => window.__signet.dpopKey('as'))]);
    expect(a).toMatchObject({ privateExtractable: false, exportPrivate: 'refused', algorithm: 'ECDSA P-256' });
    expect(b.publicX).toBe(a.publicX);
    await one.reload();
    expect((await one.evaluate(() => window.__signet.dpopKey('as'))).publicX).toBe(a.publicX);
    expect((await one.evaluate(() => window.__signet.dpopKey('other'))).publicX).not.toBe(a.publicX);
  }, 60_000);
});
