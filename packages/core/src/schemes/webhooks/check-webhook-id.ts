import { SignetConfigError } from '../../errors/config-error.js';

// Visible ASCII without spaces (it is a header value and a token in the signed content), and no
// `.`: Standard Webhooks, "Signature scheme": ids "not be allowed to include any `.`", since a dot
// would let one `{id}.{timestamp}.{payload}` be read as another.
const WEBHOOK_ID = /^[\x21-\x2d\x2f-\x7e]+$/;

/** Checks a message id for sending: non-empty visible ASCII, no spaces, no `.`. */
export function checkWebhookId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !WEBHOOK_ID.test(value)) {
    throw new SignetConfigError(field, 'must be a non-empty string of visible ASCII without spaces or "." (Standard Webhooks message id)');
  }
  return value;
}
