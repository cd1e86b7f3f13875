// Run unbundled by Bun and Deno (with the @signet/source condition): prints which implementation
// their resolvers gave @signet/core's `#crypto` import. See runtimes/runner/probe-crypto-resolution.mjs.
import { cryptoImplementation } from '../harness/registry.js';

console.log(`SIGNET_CRYPTO ${cryptoImplementation()}`);
