import { base64url } from '@signet/core';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { createHash } from 'node:crypto';

export const ISSUER = 'https://as.example';
export const TOKEN_URL = `${ISSUER}/token`;

/** A mutable clock for one test. */
export function fakeClock(startMs = 1_800_000_000_000) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => void (nowMs += ms), seconds: () => Math.floor(nowMs / 1000) };
}

export interface TestKey {
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
  readonly jkt: string;
}

export async function testKey(kid?: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), ...(kid && { kid }) };
  return { privateKey, jwk, jkt: await calculateJwkThumbprint(jwk, 'sha256') };
}

let counter = 0;

/** A DPoP proof built with jose directly (RFC 9449 §4.2), with fields overridable to break one at a time. */
export async function dpopProof(
  key: TestKey,
  claims: { htm: string; htu: string; iat: number; jti?: string; nonce?: string; accessToken?: string },
  header: { typ?: string; jwk?: JWK } = {},
): Promise<string> {
  const { accessToken, jti = `proof-${++counter}`, ...rest } = claims;
  const payload = { ...rest, jti, ...(accessToken !== undefined && { ath: base64url(createHash('sha256').update(accessToken).digest()) }) };
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: header.typ ?? 'dpop+jwt', jwk: header.jwk ?? key.jwk }).sign(key.privateKey);
}

/** A form POST to the token endpoint. */
export function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}, url = TOKEN_URL): Request {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form) });
}

/** RFC 6749 §2.3.1: form-urlencode id and secret, then base64 of "id:secret". */
export function basicAuth(id: string, secret: string): string {
  const encode = (s: string) => new URLSearchParams({ s }).toString().slice(2);
  return `Basic ${btoa(`${encode(id)}:${encode(secret)}`)}`;
}

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

export function decodePayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
