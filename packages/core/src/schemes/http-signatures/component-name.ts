/**
 * The derived components (RFC 9421 §2.2) this implementation computes for requests. Not here:
 * `@status` (responses only), `@query-param` (needs a `name` parameter) and `@signature-params`
 * (always the last line of the base, never a covered component).
 */
export const DERIVED_COMPONENTS: ReadonlySet<string> = new Set(['@method', '@target-uri', '@authority', '@scheme', '@request-target', '@path', '@query']);

// RFC 9421 §2.1: an HTTP field's component name is its field name, lower-cased (an RFC 9110 token).
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/**
 * Whether `name` is a component name Signet can sign and verify: a supported derived component,
 * or a lower-case HTTP field name other than the signature fields themselves.
 *
 * @example
 * ```ts
 * isComponentName('@method');       // true
 * isComponentName('content-type');  // true
 * isComponentName('Content-Type');  // false: field names are lower-cased (RFC 9421 §2.1)
 * ```
 */
export function isComponentName(name: string): boolean {
  if (name.startsWith('@')) return DERIVED_COMPONENTS.has(name);
  // Covering Signature or Signature-Input needs the `key` parameter (RFC 9421 §2.1.2), unsupported.
  return FIELD_NAME.test(name) && name !== 'signature' && name !== 'signature-input';
}
