import { utf8 } from '../../encoding.js';

/**
 * The bytes a `v1` signature covers: `{msg_id}.{timestamp}.{payload}` (Standard Webhooks,
 * "Signature scheme"), with the payload as the exact body bytes. Shared by the signer and the
 * verifier, so the two cannot drift.
 *
 * The reference JS library turns a `Buffer` payload into a string first, which replaces bytes that
 * are not valid UTF-8; Signet signs the bytes themselves. The two agree on every UTF-8 body.
 *
 * @example
 * ```ts
 * webhookSignedContent('msg_1', 1674087231, utf8('{"type":"contact.created"}'));
 * ```
 */
export function webhookSignedContent(id: string, timestamp: number, body: Uint8Array): Uint8Array {
  const prefix = utf8(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.length + body.length);
  content.set(prefix, 0);
  content.set(body, prefix.length);
  return content;
}
