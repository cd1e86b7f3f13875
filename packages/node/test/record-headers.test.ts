import { inspect } from 'node:util';
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
