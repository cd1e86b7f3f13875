// @signet/node in a browser (the `browser` export condition): only `mtls`, which throws
// `unsupported_runtime`, so code shared with a browser build fails with a clear reason. The
// request adapters need node:http and undici and are not here. This file only re-exports.
export { mtls } from './mtls/browser.js';
export type { MtlsCredential, MtlsOptions } from './mtls/mtls.js';
