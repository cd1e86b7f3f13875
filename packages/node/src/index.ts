// @signet/node: this file only re-exports.
export {};
