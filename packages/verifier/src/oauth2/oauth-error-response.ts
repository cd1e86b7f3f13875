/** The error codes the mock authorization server answers with (RFC 6749 §5.2, RFC 9449 §5 and §8). */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_dpop_proof'
  | 'use_dpop_nonce'
  | 'server_error'
  | 'temporarily_unavailable';

/** Headers every token endpoint answer carries: RFC 6749 §5.1 forbids caching token responses. */
export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

/**
 * An error answer per RFC 6749 §5.2: a JSON object with `error` and `error_description`, status
 * 400 unless given (401 for `invalid_client`). The description never holds a secret.
 */
export function oauthErrorResponse(
  error: OAuthErrorCode,
  description: string,
  { status = error === 'invalid_client' ? 401 : 400, headers = {} }: { status?: number; headers?: Readonly<Record<string, string>> } = {},
): Response {
  return new Response(JSON.stringify({ error, error_description: description }), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...NO_STORE, ...headers },
  });
}
