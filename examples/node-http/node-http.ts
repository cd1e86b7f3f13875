// Signing a partner API's calls from Node, two ways: with node:http (authorizeRequests) and with
// undici (authInterceptor). Run it with API_ORIGIN, PARTNER_KEY_ID and PARTNER_SECRET set.
import { hmac } from '@signet/core/hmac';
import { authInterceptor, authorizeRequests } from '@signet/node';
import { Agent, request } from 'undici';

export interface PartnerConfig {
  readonly origin: string;
  readonly keyId: string;
  readonly secret: string;
}

/** node:http: a promise-based request that signs; the response is Node's own IncomingMessage. */
export async function placeOrderWithNodeHttp({ origin, keyId, secret }: PartnerConfig): Promise<unknown> {
  const send = authorizeRequests(hmac({ keyId, secret }), { origins: origin });
  const res = await send(`${origin}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sku: 'A-1', qty: 2 }),
    timeout: 10_000,
  });
  let text = '';
  for await (const chunk of res) text += String(chunk);
  if (res.statusCode !== 200) throw new Error(`the partner refused the order: HTTP ${res.statusCode}`);
  return JSON.parse(text);
}

/** undici: one Agent composed with the interceptor, shared by every call (keep-alive included). */
export function partnerDispatcher({ origin, keyId, secret }: PartnerConfig): Agent {
  return new Agent({ keepAliveTimeout: 10_000 }).compose(authInterceptor(hmac({ keyId, secret }), { origins: origin })) as Agent;
}

export async function listOrdersWithUndici(origin: string, dispatcher: Agent): Promise<unknown> {
  const { statusCode, body } = await request(`${origin}/orders?status=open`, { dispatcher });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`the partner refused the listing: HTTP ${statusCode}`);
  }
  return body.json();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = { origin: process.env.API_ORIGIN!, keyId: process.env.PARTNER_KEY_ID!, secret: process.env.PARTNER_SECRET! };
  console.log(await placeOrderWithNodeHttp(config));
  const dispatcher = partnerDispatcher(config);
  console.log(await listOrdersWithUndici(config.origin, dispatcher));
  await dispatcher.close();
}
