import { describe, expect, test } from 'vitest';
import { basic, secret, SignetConfigError } from '@signet/core';
import { signable, testContext } from '../support/context.js';

async function header(username: string, password: string): Promise<string | null> {
  const signed = await basic({ username, password }).authorize(signable(), testContext());
  return signed.headers.get('authorization');
}

describe('basic (RFC 7617)', () => {
  test('RFC 7617 §2 example: Aladdin / open sesame', async () => {
    expect(await header('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
  });

  test('RFC 7617 §2.1 example: UTF-8, test / 123£', async () => {
    expect(await header('test', '123£')).toBe('Basic dGVzdDoxMjPCow==');
  });

  test('normalizes user-id and password to NFC before encoding (§2.1)', async () => {
    // "é" decomposed (e + U+0301) and precomposed (U+00E9) must produce the same header.
    expect(await header('ren\u0065\u0301', 'caf\u0065\u0301')).toBe(await header('ren\u00e9', 'caf\u00e9'));
    expect(await header('ren\u00e9', 'x')).toBe(`Basic ${btoa(String.fromCharCode(...new TextEncoder().encode('ren\u00e9:x')))}`);
  });

  test('a password may contain a colon', async () => {
    expect(await header('a', 'b:c')).toBe(`Basic ${btoa('a:b:c')}`);
  });

  test('an empty password is allowed (RFC 7617 §2: the password may be empty), an empty user-id is not', async () => {
    expect(await header('api-key-as-user', '')).toBe(`Basic ${btoa('api-key-as-user:')}`);
  });

  test('accepts the password as a Secret', async () => {
    const signed = await basic({ username: 'Aladdin', password: secret('open sesame') }).authorize(signable(), testContext());
    expect(signed.headers.get('authorization')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
  });

  test('declares Authorization sensitive and reads no body', () => {
    const credential = basic({ username: 'a', password: 'b' });
    expect(credential.sensitiveHeaders).toEqual(['authorization']);
    expect(credential.requiresBody).toBe(false);
  });

  test.each([
    [{ username: 'a:b', password: 'p' }, 'username', 'must not contain ":"'],
    [{ username: 'a\tb', password: 'p' }, 'username', 'control characters'],
    [{ username: 'a\u007f', password: 'p' }, 'username', 'control characters'],
    [{ username: '', password: 'p' }, 'username', 'must not be empty'],
    [{ username: 'a', password: 'p\u0000' }, 'password', 'control characters'],
    [{ username: 'a', password: undefined }, 'password', 'must be a string or a Secret'],
    [{ username: 7, password: 'p' }, 'username', 'must be a string'],
  ])('refuses %j at construction, naming the field', (options, field, message) => {
    let error: unknown;
    try {
      basic(options as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error).toMatchObject({ code: 'invalid_option', field });
    expect((error as Error).message).toContain(message);
  });
});
