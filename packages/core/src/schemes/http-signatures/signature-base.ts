import { SignetCredentialError } from '../../errors/credential-error.js';
import { isComponentName } from './component-name.js';
import { type SignedRequestParts, componentValue } from './component-value.js';
import { SignetRequestError } from '../../errors/request-error.js';
import { redactRequest } from '../../secret/redact-request.js';
import { serializeInnerList, serializeItem } from './serialize-structured-field.js';
import type { SfInnerList } from './structured-field.js';

// RFC 9421 §2.5: a base line's value is VCHAR, SP and HTAB only: "no obs-fold nor obs-text".
const BASE_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * Builds the signature base (RFC 9421 §2.5): one line `"<component>": <value>` per covered
 * component, in the order given, then `"@signature-params": <inner list>` last, joined by LF
 * with no trailing LF. Signer and verifier both call this; the verifier passes the inner list
 * exactly as it parsed it from `Signature-Input`.
 *
 * Throws a `SignetRequestError` with code `missing_signed_header` when a covered component is absent, and a
 * `SignetCredentialError` when the list cannot produce a base (a duplicate, an unsupported
 * component, a value with non-ASCII characters): §2.5 says to fail, never to skip.
 *
 * @example
 * ```ts
 * signatureBase(request, signatureParamsList({ components: ['@method', '@authority'], created: 1618884473, keyid: 'k' }));
 * // "@method": POST
 * // "@authority": example.com
 * // "@signature-params": ("@method" "@authority");created=1618884473;keyid="k"
 * ```
 */
export function signatureBase(request: SignedRequestParts, signatureParams: SfInnerList): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const item of signatureParams.items) {
    if (item.value.type !== 'string') throw new SignetCredentialError('http-signature', 'a covered component identifier must be a string');
    if (item.params.size > 0) throw new SignetCredentialError('http-signature', 'component parameters (;sf, ;key, ;bs, ;req, ;tr) are not supported');
    const name = item.value.value;
    // §2.5 step 1: an identifier already in the base is an error.
    const identifier = serializeItem(item);
    if (seen.has(identifier)) throw new SignetCredentialError('http-signature', `the component ${name} is covered twice`);
    seen.add(identifier);
    if (name === '@signature-params') throw new SignetCredentialError('http-signature', '@signature-params cannot be a covered component');
    // §2.1: field names are lower-case; Signet does not cover the signature fields themselves.
    if (!isComponentName(name)) throw new SignetCredentialError('http-signature', `the component "${name}" is not supported`);
    const value = componentValue(request, name);
    if (value === undefined) {
      throw new SignetRequestError(
        'missing_signed_header',
        `the request has no ${name} ${name.startsWith('@') ? 'component' : 'header'}, which the signature covers; set it, or remove it from components`,
        redactRequest(request),
      );
    }
    if (!BASE_VALUE.test(value)) throw new SignetCredentialError('http-signature', `the value of ${name} holds characters a signature base cannot (RFC 9421 §2.5: ASCII only)`);
    lines.push(`${identifier}: ${value}`);
  }
  // §2.5 step 2: the signature parameters line comes last.
  lines.push(`"@signature-params": ${serializeInnerList(signatureParams)}`);
  return lines.join('\n');
}
