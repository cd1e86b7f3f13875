import { EventEmitter } from 'node:events';
import axios, { AxiosError, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { redactRequest } from '@signet/core';
import { guardStream } from '../src/guard-stream.js';

const SECRET = 'sk_guard_canary';
const callerConfig = { headers: new axios.AxiosHeaders({ accept: 'application/json' }), url: '/x' } as InternalAxiosRequestConfig;
const view = () => redactRequest({ method: 'GET', url: new URL('https://api.example.com/x'), headers: new Headers({ 'x-key': SECRET }) });
const signedError = () =>
  new AxiosError('maxContentLength size of 1000 exceeded', 'ERR_BAD_RESPONSE', { headers: new axios.AxiosHeaders({ 'x-key': SECRET }) } as InternalAxiosRequestConfig, { _header: `x-key: ${SECRET}` });

describe('guardStream', () => {
  it('scrubs an AxiosError before the caller\'s error listener sees it', () => {
    const stream = new EventEmitter();
    guardStream(stream, callerConfig, view);
    let seen: unknown;
    stream.on('error', (error) => (seen = error));
    stream.emit('error', signedError());
    expect(JSON.stringify(seen)).not.toContain(SECRET);
    expect((seen as AxiosError).config).toBe(callerConfig);
  });

  it('without an error listener of the caller\'s, the error is still thrown, as an unhandled error event would be', () => {
    const stream = new EventEmitter();
    guardStream(stream, callerConfig, view);
    const error = signedError();
    expect(() => stream.emit('error', error)).toThrow(error);
    // Scrubbed on its way out too.
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('leaves anything that is not a stream alone', () => {
    expect(() => guardStream('text', callerConfig, view)).not.toThrow();
    expect(() => guardStream(null, callerConfig, view)).not.toThrow();
  });
});
