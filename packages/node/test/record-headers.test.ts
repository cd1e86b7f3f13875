import { inspect } from 'node:util';
import { util } from 'undici';
import { describe, expect, it } from 'vitest';
import { appendRecord } from '../src/node-headers.js';
import { RecordHeaders } from '../src/record-headers.js';

// A response record as undici parses it: lower-case names, repeated fields as arrays.
const record = () => ({
  date: 'Sat, 28 Nov 2026 11:00:00 GMT',
  location: ' /next\t',
  'set-cookie': ['a=1', 'b=2'],
  vary: ['accept', 'origin'],
  'x-empty': '',
  'x-none': undefined,
});
const eager = () => appendRecord(new Headers(), record());

describe('RecordHeaders', () => {
  it('answers get and has as a Headers built from the record does, without filling', () => {
    const lazy = new RecordHeaders(record());
    for (const name of ['date', 'DATE', 'Location', 'set-cookie', 'vary', 'x-empty', 'x-none', 'absent', 'constructor', 'toString', '__proto__']) {
      expect([name, lazy.get(name)]).toEqual([name, eager().get(name)]);
      expect([name, lazy.has(name)]).toEqual([name, eager().has(name)]);
    }
    // Nothing read so far has filled it: Headers itself still holds nothing.
    expect([...Headers.prototype.entries.call(lazy)]).toEqual([]);
  });

  it('throws as Headers does for a name that is not a token', () => {
    expect(() => new RecordHeaders(record()).get('bad name')).toThrow(TypeError);
    expect(() => new RecordHeaders(record()).has('')).toThrow(TypeError);
  });

  it('fills once on any other use, and is then a plain Headers', () => {
    expect([...new RecordHeaders(record())]).toEqual([...eager()]);
    expect([...new RecordHeaders(record()).entries()]).toEqual([...eager().entries()]);
    expect([...new RecordHeaders(record()).keys()]).toEqual([...eager().keys()]);
    expect([...new RecordHeaders(record()).values()]).toEqual([...eager().values()]);
    expect(new RecordHeaders(record()).getSetCookie()).toEqual(['a=1', 'b=2']);
    expect([...new Headers(new RecordHeaders(record()))]).toEqual([...eager()]);
    const seen: string[] = [];
    new RecordHeaders(record()).forEach((value, name) => seen.push(`${name}: ${value}`));
    expect(seen).toEqual([...eager()].map(([name, value]) => `${name}: ${value}`));

    const changed = new RecordHeaders(record());
    changed.set('date', 'now');
    changed.append('vary', 'cookie');
    changed.delete('location');
    expect(changed.get('date')).toBe('now');
    expect(changed.get('vary')).toBe('accept, origin, cookie');
    expect(changed.has('location')).toBe(false);
    expect(changed.get('set-cookie')).toBe('a=1, b=2');
    expect(inspect(new RecordHeaders(record()))).toBe(inspect(eager()));
  });
});

describe('RecordHeaders.fromRawList', () => {
  // A list as undici's HTTP/1.1 parser gives it: Buffers, names as the server spelled them,
  // repeated fields as separate entries, a latin1 byte in one value.
  const raw = (): Buffer[] =>
    [
      ['Date', 'Sat, 28 Nov 2026 11:00:00 GMT'],
      ['LOCATION', ' /next\t'],
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['Vary', 'accept'],
      ['vary', 'origin'],
      ['X-Empty', ''],
      ['X-Latin1', 'caf\xe9'],
      ['X-Ab', 'not x-ac'],
    ].flatMap(([name, value]) => [Buffer.from(name!, 'latin1'), Buffer.from(value!, 'latin1')]);
  // What the record path would answer for the same list: undici's own parse of it.
  const parsed = () => new RecordHeaders(util.parseHeaders(raw()) as Record<string, string | string[]>);
  const eagerFromList = () => appendRecord(new Headers(), util.parseHeaders(raw()) as Record<string, string | string[]>);

  it('answers get and has as the record undici parses from the same list, without filling', () => {
    const lazy = RecordHeaders.fromRawList(raw());
    for (const name of ['date', 'DATE', 'Location', 'set-cookie', 'vary', 'x-empty', 'x-latin1', 'x-ab', 'x-ac', 'absent', 'constructor', '__proto__']) {
      expect([name, lazy.get(name)]).toEqual([name, parsed().get(name)]);
      expect([name, lazy.has(name)]).toEqual([name, parsed().has(name)]);
    }
    // Not vacuous: case folded, repeats joined in order, whitespace trimmed, latin1 kept.
    expect(lazy.get('SET-COOKIE')).toBe('a=1, b=2');
    expect(lazy.get('location')).toBe('/next');
    expect(lazy.get('x-latin1')).toBe('café');
    expect([...Headers.prototype.entries.call(lazy)]).toEqual([]);
  });

  it('reads string entries and a value given as a list, as undici parseHeaders does', () => {
    const lazy = RecordHeaders.fromRawList(['X-One', '1', 'x-two', [Buffer.from('a'), Buffer.from('b')]]);
    expect(lazy.get('x-one')).toBe('1');
    expect(lazy.get('x-two')).toBe('a, b');
  });

  it('fills once on any other use, from undici parseHeaders, and throws for a name that is not a token', () => {
    expect([...RecordHeaders.fromRawList(raw())]).toEqual([...eagerFromList()]);
    expect(RecordHeaders.fromRawList(raw()).getSetCookie()).toEqual(['a=1', 'b=2']);
    const changed = RecordHeaders.fromRawList(raw());
    changed.append('vary', 'cookie');
    expect(changed.get('vary')).toBe('accept, origin, cookie');
    expect(changed.get('date')).toBe('Sat, 28 Nov 2026 11:00:00 GMT');
    expect(() => RecordHeaders.fromRawList(raw()).get('bad name')).toThrow(TypeError);
  });
});
