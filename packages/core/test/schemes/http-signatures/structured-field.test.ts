import { describe, expect, test } from 'vitest';
import { parseDictionary, serializeBareItem, serializeDictionary, serializeInnerList, type SfDictionary, type SfInnerList, type SfItem } from '@signet/core/http-signatures';

describe('serializeBareItem (RFC 8941 §4.1)', () => {
  test.each([
    [{ type: 'integer', value: 1618884473 }, '1618884473'],
    [{ type: 'integer', value: -42 }, '-42'],
    [{ type: 'decimal', value: 1.5 }, '1.5'],
    [{ type: 'decimal', value: 2 }, '2.0'],
    [{ type: 'decimal', value: 0.0025 }, '0.002'], // half to even
    [{ type: 'string', value: 'plain' }, '"plain"'],
    [{ type: 'string', value: 'say "hi" \\ bye' }, '"say \\"hi\\" \\\\ bye"'],
    [{ type: 'token', value: 'sha-256' }, 'sha-256'],
    [{ type: 'byte-sequence', value: new Uint8Array([1, 2, 3]) }, ':AQID:'],
    [{ type: 'boolean', value: true }, '?1'],
    [{ type: 'boolean', value: false }, '?0'],
  ] as const)('%j → %s', (item, text) => {
    expect(serializeBareItem(item)).toBe(text);
  });

  test.each([
    { type: 'string', value: 'é' },
    { type: 'string', value: 'line\nbreak' },
    { type: 'integer', value: 1e16 },
    { type: 'integer', value: 1.5 },
    { type: 'token', value: '1abc' },
  ] as const)('refuses %j', (item) => {
    expect(() => serializeBareItem(item)).toThrow(TypeError);
  });
});

describe('serializeInnerList and serializeDictionary', () => {
  const list: SfInnerList = {
    kind: 'inner-list',
    items: [
      { kind: 'item', value: { type: 'string', value: '@method' }, params: new Map() },
      { kind: 'item', value: { type: 'string', value: 'content-type' }, params: new Map() },
    ],
    params: new Map([
      ['created', { type: 'integer', value: 1618884473 }],
      ['keyid', { type: 'string', value: 'k' }],
      ['flag', { type: 'boolean', value: true }],
    ]),
  };

  test('items joined by one space, parameters after the parenthesis, a true boolean as a bare key', () => {
    expect(serializeInnerList(list)).toBe('("@method" "content-type");created=1618884473;keyid="k";flag');
  });

  test('the empty inner list (RFC 9421 Appendix B.2.1 covers no component)', () => {
    expect(serializeInnerList({ kind: 'inner-list', items: [], params: new Map() })).toBe('()');
  });

  test('dictionaries are joined by ", "', () => {
    const dictionary: SfDictionary = new Map<string, SfInnerList | SfItem>([
      ['sig1', list],
      ['sig2', { kind: 'item', value: { type: 'byte-sequence', value: new Uint8Array([255]) }, params: new Map() }],
    ]);
    expect(serializeDictionary(dictionary)).toBe('sig1=("@method" "content-type");created=1618884473;keyid="k";flag, sig2=:/w==:');
  });
});

describe('parseDictionary (RFC 8941 §4.2)', () => {
  test('parses a Signature-Input and re-serializes it to the same text', () => {
    const text = 'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"';
    const member = parseDictionary(text)?.get('sig-b26');
    expect(member?.kind).toBe('inner-list');
    expect(`sig-b26=${serializeInnerList(member as SfInnerList)}`).toBe(text);
  });

  test('parses byte sequences, several members, escapes and every bare item type', () => {
    const parsed = parseDictionary('a=:AQID:,  b="x\\"y\\\\z";p=1.25, c=?0, d, e=tok/en:1, f=-7');
    expect(parsed).toBeDefined();
    const values = Object.fromEntries([...parsed!].map(([key, member]) => [key, member.kind === 'item' ? member.value : member]));
    expect(values).toEqual({
      a: { type: 'byte-sequence', value: new Uint8Array([1, 2, 3]) },
      b: { type: 'string', value: 'x"y\\z' },
      c: { type: 'boolean', value: false },
      d: { type: 'boolean', value: true },
      e: { type: 'token', value: 'tok/en:1' },
      f: { type: 'integer', value: -7 },
    });
    const b = parsed!.get('b');
    expect(b?.kind === 'item' && b.params.get('p')).toEqual({ type: 'decimal', value: 1.25 });
  });

  test('a later duplicate key wins, as §4.2.2 says', () => {
    const parsed = parseDictionary('a=1, a=2');
    expect(parsed?.size).toBe(1);
    expect(parsed?.get('a')).toMatchObject({ value: { type: 'integer', value: 2 } });
  });

  test('leading and trailing spaces are allowed; the empty value is the empty dictionary', () => {
    expect(parseDictionary('  a=1  ')?.size).toBe(1);
    expect(parseDictionary('')?.size).toBe(0);
  });

  test.each([
    'A=1', // keys are lower-case
    'a=1,', // trailing comma
    'a=1 b=2', // missing comma
    'a="unterminated',
    'a="bad \\x escape"',
    'a="tab\tinside"',
    'a=:not base64!:',
    'a=:AAAA', // unterminated byte sequence
    'a=("x" "y"', // unterminated inner list
    'a=("x""y")', // items need a space between them
    'a=1234567890123456', // 16 integer digits
    'a=1.2345', // 4 fractional digits
    'a=?2',
    'a=é',
    ' ,a=1',
  ])('refuses %j', (text) => {
    expect(parseDictionary(text)).toBeUndefined();
  });
});
