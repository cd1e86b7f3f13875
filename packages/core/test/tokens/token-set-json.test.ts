import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/secret/secret.js';
import { tokenSetFromJSON, tokenSetToJSON } from '../../src/tokens/token-set-json.js';

describe('tokenSetToJSON / tokenSetFromJSON', () => {
  it('reveals the tokens into plain data and wraps them in Secrets again', () => {
    const json = tokenSetToJSON({ accessToken: new Secret('at-1'), tokenType: 'DPoP', expiresAt: 2000, obtainedAt: 1000, refreshToken: new Secret('rt-1'), scope: 'read' });
    expect(JSON.parse(JSON.stringify(json))).toEqual({ accessToken: 'at-1', tokenType: 'DPoP', expiresAt: 2000, obtainedAt: 1000, refreshToken: 'rt-1', scope: 'read' });
    const tokens = tokenSetFromJSON(json);
    expect(tokens.accessToken).toBeInstanceOf(Secret);
    expect(tokens.accessToken.reveal()).toBe('at-1');
    expect(tokens.refreshToken?.reveal()).toBe('rt-1');
    expect([tokens.tokenType, tokens.expiresAt, tokens.obtainedAt, tokens.scope]).toEqual(['DPoP', 2000, 1000, 'read']);
  });

  it('leaves absent fields absent both ways', () => {
    const json = tokenSetToJSON({ accessToken: new Secret('at-1'), tokenType: 'Bearer' });
    expect(Object.keys(json)).toEqual(['accessToken', 'tokenType']);
    expect(Object.keys(tokenSetFromJSON(json))).toEqual(['accessToken', 'tokenType']);
  });

  it.each([
    [null, 'stored is not an object'],
    ['at-1', 'stored is not an object'],
    [{ accessToken: 'at-1' }, 'stored: accessToken and tokenType must be strings'],
    [{ accessToken: 'at-1', tokenType: 'Bearer', expiresAt: '2000' }, 'stored: expiresAt must be a number'],
    [{ accessToken: 'at-1', tokenType: 'Bearer', obtainedAt: Number.NaN }, 'stored: obtainedAt must be a number'],
    [{ accessToken: 'at-1', tokenType: 'Bearer', refreshToken: 7 }, 'stored: refreshToken must be a string'],
    [{ accessToken: 'at-1', tokenType: 'Bearer', scope: ['read'] }, 'stored: scope must be a string'],
  ])('refuses malformed data %j, naming the field and quoting no value', (value, message) => {
    expect(() => tokenSetFromJSON(value, 'stored')).toThrow(new TypeError(message));
  });
});
