/** An `Authorization` header split into its scheme word and the rest (RFC 9110 §11.4). */
export interface AuthorizationHeader {
  /** The auth-scheme, lower-cased: scheme names are case-insensitive (RFC 9110 §11.1). */
  readonly scheme: string;
  readonly value: string;
}

/** Splits `Authorization: <scheme> <credentials>`; undefined when the header is absent. */
export function parseAuthorization(header: string | null): AuthorizationHeader | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  if (space < 0) return { scheme: trimmed.toLowerCase(), value: '' };
  return { scheme: trimmed.slice(0, space).toLowerCase(), value: trimmed.slice(space + 1).trim() };
}
