// @signet/core/http-signatures. Only re-exports. (Filled in by the scheme's own work.)
export {};
