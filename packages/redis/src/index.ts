// @signet/redis: this file only re-exports.
export {};
