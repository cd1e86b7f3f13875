/** The parameters of a token request, each present at most once (RFC 6749 §3.2). */
export type TokenForm = ReadonlyMap<string, string>;

/**
 * Reads an `application/x-www-form-urlencoded` POST body (RFC 6749 §3.2). Answers a description of
 * what is wrong instead when the body is not a form, or a parameter is repeated ("Request and
 * response parameters MUST NOT be included more than once") or sent empty (§3.1: "Parameters sent
 * without a value MUST be treated as if they were omitted").
 */
export async function readTokenForm(request: Request): Promise<TokenForm | string> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return 'the token request must be application/x-www-form-urlencoded';
  const params = new URLSearchParams(await request.text());
  const form = new Map<string, string>();
  for (const [name, value] of params) {
    if (form.has(name)) return `the parameter ${JSON.stringify(name.slice(0, 40))} is repeated`;
    if (value !== '') form.set(name, value);
  }
  return form;
}
