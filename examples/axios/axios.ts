// A partner API client on axios: every request is HMAC-signed over the exact JSON bytes axios
// sends, credentials stay on the partner's origin, and errors are safe to log.
import { fileURLToPath } from 'node:url';
import axios, { type AxiosInstance } from 'axios';
import { hmac } from '@signet/core/hmac';
import { attachAuth } from '@signet/axios';

/** Options for {@link createPartnerClient}. */
export interface PartnerClientOptions {
  /** The partner API, e.g. `https://partner.example.com` (its origin is the only one that gets credentials). */
  baseURL: string;
  keyId: string;
  secret: string;
}

/** An order as the partner API takes it. */
export interface Order {
  sku: string;
  qty: number;
}

/** An axios instance that signs every request to the partner with HMAC-SHA256. */
export function createPartnerClient(options: PartnerClientOptions): AxiosInstance {
  const instance = axios.create({ baseURL: options.baseURL, timeout: 10_000, headers: { accept: 'application/json' } });
  return attachAuth(instance, hmac({ keyId: options.keyId, secret: options.secret }), { origins: new URL(options.baseURL).origin });
}

/** Places an order; axios serializes the object to JSON, and that exact string is what is signed. */
export async function placeOrder(api: AxiosInstance, order: Order): Promise<unknown> {
  const { data } = await api.post('/orders', order, { params: { dryRun: false } });
  return data;
}

/** Lists orders, a page at a time. */
export async function listOrders(api: AxiosInstance, page = 1): Promise<unknown> {
  const { data } = await api.get('/orders', { params: { page } });
  return data;
}

// `node --import tsx axios.ts` with PARTNER_URL, PARTNER_KEY_ID and PARTNER_SECRET set.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const api = createPartnerClient({ baseURL: process.env.PARTNER_URL!, keyId: process.env.PARTNER_KEY_ID!, secret: process.env.PARTNER_SECRET! });
  try {
    console.log(await placeOrder(api, { sku: 'A-1', qty: 2 }));
  } catch (error) {
    // Safe to log: the error carries your unsigned config and a redacted request, never the signature.
    console.error(axios.isAxiosError(error) ? `${error.message} (${error.code})` : error);
    process.exitCode = 1;
  }
}
