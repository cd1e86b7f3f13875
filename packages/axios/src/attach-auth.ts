import type { AxiosInstance } from 'axios';
import { type Credential, createSendLoop, type SendLoopOptions, SignetConfigError } from '@signet/core';
import { resolveInnerAdapter, signingAdapter, unwrapAdapter } from './signing-adapter.js';

/** Options for {@link attachAuth}: the send loop's options (`origins` is required). */
export type AttachAuthOptions = SendLoopOptions;

// Instances Signet is attached to: attaching twice would sign twice, with two origin policies.
const attached = new WeakSet<object>();

/**
 * Attaches a credential to an axios instance: from now on every request it sends to the
 * credential's origins carries the credential, signed over the exact bytes axios sends (after
 * `transformRequest`, JSON and form serialization). Returns the same instance.
 *
 * Signet wraps the instance's adapter, so it runs after every interceptor and transform. It
 * follows redirects itself under the origin policy (credentials never go to another origin),
 * re-sends at most once when the credential asks (a clock-skew 401), then applies your
 * `validateStatus`. Errors carry your unsigned config and a redacted view of the request, never
 * the signed headers. axios's XHR adapter is refused (`SignetConfigError`, field `adapter`): in
 * browsers create the instance with `adapter: 'fetch'`.
 *
 * @example
 * ```ts
 * import axios from 'axios';
 * import { apiKey } from '@signet/core';
 * import { attachAuth } from '@signet/axios';
 * const api = attachAuth(axios.create({ baseURL: 'https://api.example.com' }), apiKey({ key: process.env.API_KEY! }), {
 *   origins: 'https://api.example.com',
 * });
 * const { data } = await api.get('/v1/things');
 * ```
 */
export function attachAuth<Instance extends AxiosInstance>(instance: Instance, credential: Credential, options: AttachAuthOptions): Instance {
  if (!isAxiosInstance(instance)) throw new TypeError('attachAuth: the first argument must be an axios instance (axios.create())');
  const loop = createSendLoop(credential, options);
  if (attached.has(instance)) {
    throw new SignetConfigError('instance', 'Signet is already attached to this axios instance; combine() the credentials and attach once');
  }
  // Fail at attach time, not on the first request, when the instance would use XHR.
  resolveDefaultAdapter(instance);
  attached.add(instance);
  // A request interceptor, not defaults.adapter, so that a per-request `adapter` is wrapped too.
  // Synchronous: it only swaps the adapter, so axios need not add a promise hop per request.
  instance.interceptors.request.use(
    (config) => {
      config.adapter = signingAdapter(loop, unwrapAdapter(config.adapter));
      return config;
    },
    undefined,
    { synchronous: true },
  );
  return instance;
}

function resolveDefaultAdapter(instance: AxiosInstance): void {
  try {
    resolveInnerAdapter(instance.defaults.adapter);
  } catch (error) {
    if (error instanceof SignetConfigError) throw error;
    // Any other failure (an adapter unknown here) is axios's to report, per request, as usual.
  }
}

function isAxiosInstance(value: unknown): value is AxiosInstance {
  const candidate = value as Partial<AxiosInstance> | null;
  return (
    typeof value === 'function' &&
    candidate !== null &&
    typeof candidate.request === 'function' &&
    typeof candidate.getUri === 'function' &&
    typeof candidate.interceptors?.request?.use === 'function'
  );
}
