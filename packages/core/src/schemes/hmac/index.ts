// @signet/core/hmac. Only re-exports. (Filled in by the scheme's own work.)
export {};
