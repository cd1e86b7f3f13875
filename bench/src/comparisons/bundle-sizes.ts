import { fileURLToPath } from 'node:url';
import type { Comparison, ComparisonGroup, Side } from '../runner/comparison.js';

const SECTION = 'bundle sizes';
// The bench package depends on Signet and on every peer, so all entries resolve from it.
const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
// Shared with scripts/check-bundle-size.mjs (the CI budgets), so both measure the same way. Loaded
// at run time from the repository, not bundled into dist/.
const BUNDLE_SIZE_MODULE = new URL('../../scripts/bundle-size.mjs', import.meta.url).href;

interface BundleSize {
  readonly gzip: number;
  readonly minified: number;
}
interface BundleSizeModule {
  loadEsbuild(): unknown;
  measureBundle(esbuild: unknown, entry: { code: string; resolveDir: string; external?: string[] }): Promise<BundleSize>;
}

/** One bundle-size row: Signet's entry against a peer's, gzip bytes of the entry chunk. */
interface BundleRow {
  readonly name: string;
  readonly signet: { readonly label: string; readonly code: string };
  readonly peer: { readonly label: string; readonly code: string };
  /** Left out of both bundles (a dependency both sides need, such as axios for two axios plugins). */
  readonly external?: string[];
  /** The CI budget for Signet's entry, gzip bytes (scripts/check-bundle-size.mjs), or null. */
  readonly budget: number | null;
  readonly why: string;
}

const ROWS: readonly BundleRow[] = [
  {
    name: 'bundle: withAuth + bearer + refreshToken vs ky',
    signet: { label: "withAuth from '@signet/fetch', bearer, refreshToken", code: "export { withAuth } from '@signet/fetch'; export { bearer } from '@signet/core/bearer'; export { refreshToken } from '@signet/core/oauth2';" },
    // ky is the fetch wrapper a browser app would reach for; its refresh hook is code the user writes, not counted.
    peer: { label: "ky (its afterResponse refresh hook written by hand, not counted)", code: "export { default } from 'ky';" },
    budget: 3000,
    why: 'a fetch wrapper with token refresh vs the popular fetch wrapper without it',
  },
  {
    name: 'bundle: attachAuth + bearer + refreshToken vs axios-auth-refresh (axios external)',
    signet: { label: "attachAuth from '@signet/axios', bearer, refreshToken", code: "export { attachAuth } from '@signet/axios'; export { bearer } from '@signet/core/bearer'; export { refreshToken } from '@signet/core/oauth2';" },
    peer: { label: 'axios-auth-refresh (its refresh function written by hand, not counted)', code: "export { default } from 'axios-auth-refresh';" },
    // Both are plugins on an axios instance the app already ships: axios is left out of both.
    external: ['axios'],
    budget: null,
    why: 'two axios plugins; axios itself (about 14 kB gzip) is in neither number',
  },
  {
    name: 'bundle: oauth1 vs oauth-1.0a + crypto-js',
    signet: { label: "oauth1 from '@signet/core/oauth1' (Web Crypto HMAC-SHA1)", code: "export { oauth1 } from '@signet/core/oauth1';" },
    // oauth-1.0a brings no hash; in a browser its README pairs it with crypto-js's HMAC-SHA1 and Base64.
    peer: { label: "oauth-1.0a + crypto-js/hmac-sha1 + crypto-js/enc-base64", code: "export { default as OAuth } from 'oauth-1.0a'; export { default as hmacSha1 } from 'crypto-js/hmac-sha1'; export { default as Base64 } from 'crypto-js/enc-base64';" },
    budget: null,
    why: 'oauth-1.0a needs a hash function; crypto-js is what its README uses',
  },
  {
    name: 'bundle: signWebhook vs standardwebhooks',
    signet: { label: "signWebhook, parseWebhookSecrets from '@signet/core/webhooks' (signing only)", code: "export { signWebhook, parseWebhookSecrets } from '@signet/core/webhooks';" },
    // A class cannot be tree-shaken: Webhook brings verify() too, which a sender does not need.
    peer: { label: 'standardwebhooks Webhook (sign and verify: one class)', code: "export { Webhook } from 'standardwebhooks';" },
    budget: null,
    why: 'a webhook sender; the package ships verification in the same class',
  },
];

/**
 * Issue 10: browser bundle sizes (esbuild, ESM, minified, tree-shaken, browser platform, gzip
 * level 9, entry chunk) of what an app imports from Signet against the peer it would use instead.
 * Sizes do not vary between runs: one round, no warmup. Rows with a CI budget are absolute
 * (gzip bytes ≤ the budget), the peer's ratio beside; the others report the ratio with no target.
 * `hmac` has no peer (a minimal signer is a few lines of the app's own): its own row, against its budget.
 */
export const bundleSizes: ComparisonGroup = {
  name: SECTION,
  async open() {
    const shared = (await import(BUNDLE_SIZE_MODULE)) as BundleSizeModule;
    const esbuild = shared.loadEsbuild();
    const bundle = (code: string, external?: string[]): Promise<BundleSize> => shared.measureBundle(esbuild, { code, resolveDir: BENCH_DIR, ...(external && { external }) });
    const side = (label: string, code: string, external?: string[]): Side => ({ label, run: async () => (await bundle(code, external)).gzip });
    const once: Pick<Comparison, 'ops' | 'rounds' | 'warmupOps'> = { ops: { normal: 1, quick: 1 }, rounds: { normal: 1, quick: 1 }, warmupOps: { normal: 0, quick: 0 } };
    const rows: Comparison[] = ROWS.map((row) => ({
      name: row.name,
      kind: 'absolute',
      target: row.budget,
      source: row.budget === null ? `issue 10 (bundle sizes: ${row.why}; no budget)` : `issue 10, budget from scripts/check-bundle-size.mjs (${row.why})`,
      metric: 'reported',
      unit: 'bytes gzip',
      measured: `entry chunk, minified and gzipped: ${row.why}`,
      signet: side(row.signet.label, row.signet.code, row.external),
      baseline: side(row.peer.label, row.peer.code, row.external),
      ...once,
    }));
    rows.push({
      name: 'bundle: hmac',
      kind: 'absolute',
      target: 2000,
      source: 'issue 10, budget from scripts/check-bundle-size.mjs',
      metric: 'reported',
      unit: 'bytes gzip',
      measured: 'entry chunk, minified and gzipped',
      signet: side("hmac from '@signet/core/hmac'", "export { hmac } from '@signet/core/hmac';"),
      ...once,
    });
    return { comparisons: rows, close: async () => undefined };
  },
};
