import type { ComparisonGroup } from '../runner/comparison.js';
import { apiKeyAuthorize } from './api-key-authorize.js';
import { fetchAdapter } from './fetch-adapter.js';
import { hmacSign } from './hmac-sign.js';
import { oauth1Sign } from './oauth1-sign.js';
import { undiciInterceptor } from './undici-interceptor.js';
import { webhookSign } from './webhook-sign.js';

/**
 * Every comparison group `pnpm bench` runs, in this order. To add a row, add a file to this
 * folder exporting a {@link ComparisonGroup} and list it here; see README.md in this folder.
 */
export const comparisonGroups: readonly ComparisonGroup[] = [apiKeyAuthorize, hmacSign, webhookSign, oauth1Sign, fetchAdapter, undiciInterceptor];
