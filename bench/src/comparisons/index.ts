import type { ComparisonGroup } from '../runner/comparison.js';
import { adapterOverhead } from './adapter-overhead.js';
import { apiKeyAuthorize } from './api-key-authorize.js';
import { axiosAdapter } from './axios-adapter.js';
import { bearerAdapters } from './bearer-adapters.js';
import { bearerAuthorize } from './bearer-authorize.js';
import { bundleSizes } from './bundle-sizes.js';
import { dpopProof } from './dpop-proof.js';
import { fetchAdapter } from './fetch-adapter.js';
import { hmacAllocation } from './hmac-allocation.js';
import { hmacSign } from './hmac-sign.js';
import { jwtAuthorize } from './jwt-authorize.js';
import { oauth1Sign } from './oauth1-sign.js';
import { refreshBurst } from './refresh-burst.js';
import { undiciInterceptor } from './undici-interceptor.js';
import { webhookSign } from './webhook-sign.js';
import { webhookStandardwebhooks } from './webhook-standardwebhooks.js';

/**
 * Every comparison group `pnpm bench` runs, in this order. To add a row, add a file to this
 * folder exporting a {@link ComparisonGroup} and list it here; see README.md in this folder.
 */
export const comparisonGroups: readonly ComparisonGroup[] = [
  apiKeyAuthorize,
  bearerAuthorize,
  hmacSign,
  hmacAllocation,
  webhookSign,
  webhookStandardwebhooks,
  oauth1Sign,
  jwtAuthorize,
  dpopProof,
  fetchAdapter,
  undiciInterceptor,
  axiosAdapter,
  bearerAdapters,
  adapterOverhead,
  refreshBurst,
  bundleSizes,
];
