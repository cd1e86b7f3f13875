// @signet/axios: this file only re-exports.
export {};
