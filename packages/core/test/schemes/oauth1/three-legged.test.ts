// The three-legged flow of RFC 5849 §1.2, driven by hand against a fake server that answers
// exactly what the RFC prints, and checks exactly the requests the RFC prints.
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, Secret, SignetConfigError, SignetCredentialError } from '@signet/core';
import { getAccessToken, getAuthorizationUrl, getRequestToken, OAuth1TokenError, type OAuth1Fetch } from '@signet/core/oauth1';

const at = (seconds: number, nonce: string) => createAuthContext({ clock: createClock({ now: () => seconds * 1000 }), nonce: () => nonce });
const CLIENT = { consumerKey: 'dpf43f3p2l4k3l03', consumerSecret: 'kd94hf93k423kf44', realm: 'Photos' };

interface Sent {
  url: string;
  method: string;
  authorization: string | null;
}
function fakeServer(status: number, body: string, sent: Sent[] = []): OAuth1Fetch {
  return async (url, init) => {
    sent.push({ url, method: init.method, authorization: init.headers.get('authorization') });
    return new Response(body, { status, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  };
}

describe('RFC 5849 §1.2, three legs', () => {
  test('1. temporary credentials', async () => {
    const sent: Sent[] = [];
    const temporary = await getRequestToken({
      ...CLIENT,
      fetch: fakeServer(200, 'oauth_token=hh5s93j4hdidpola&oauth_token_secret=hdhd0244k9j7ao03&oauth_callback_confirmed=true', sent),
      url: 'https://photos.example.net/initiate',
      callback: 'http://printer.example.com/ready',
      context: at(137131200, 'wIjqoS'),
    });
    expect(sent).toEqual([
      {
        url: 'https://photos.example.net/initiate',
        method: 'POST',
        authorization:
          'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", ' +
          'oauth_nonce="wIjqoS", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"',
      },
    ]);
    expect(temporary.token).toBe('hh5s93j4hdidpola');
    expect(temporary.tokenSecret).toBeInstanceOf(Secret);
    expect(temporary.tokenSecret.reveal()).toBe('hdhd0244k9j7ao03');
    expect(temporary.parameters).toEqual({ oauth_callback_confirmed: 'true' });
  });

  test('2. the authorization URL', () => {
    expect(getAuthorizationUrl({ url: 'https://photos.example.net/authorize', token: 'hh5s93j4hdidpola' })).toBe('https://photos.example.net/authorize?oauth_token=hh5s93j4hdidpola');
    expect(getAuthorizationUrl({ url: 'https://x.example/auth?lang=en%20GB', token: 'a/b', parameters: { force_login: 'true' } })).toBe(
      'https://x.example/auth?lang=en%20GB&oauth_token=a%2Fb&force_login=true',
    );
  });

  test('3. token credentials', async () => {
    const sent: Sent[] = [];
    const access = await getAccessToken({
      ...CLIENT,
      fetch: fakeServer(200, 'oauth_token=nnch734d00sl2jdk&oauth_token_secret=pfkkdhi9sl3r4s00', sent),
      url: 'https://photos.example.net/token',
      token: 'hh5s93j4hdidpola',
      tokenSecret: new Secret('hdhd0244k9j7ao03'),
      verifier: 'hfdp7dh39dks9884',
      context: at(137131201, 'walatlh'),
    });
    expect(sent[0]!.authorization).toBe(
      'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="hh5s93j4hdidpola", oauth_signature_method="HMAC-SHA1", ' +
        'oauth_timestamp="137131201", oauth_nonce="walatlh", oauth_verifier="hfdp7dh39dks9884", oauth_signature="gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D"',
    );
    expect(access.token).toBe('nnch734d00sl2jdk');
    expect(access.tokenSecret.reveal()).toBe('pfkkdhi9sl3r4s00');
    expect(access.parameters).toEqual({});
  });
});

describe('three-legged errors', () => {
  const step1 = (fetch: OAuth1Fetch) => getRequestToken({ ...CLIENT, fetch, url: 'https://photos.example.net/initiate?session=CANARY-q' });

  test('an error status is a typed error with the status and the oauth_problem, and nothing of the body else', async () => {
    const error = await step1(fakeServer(401, 'oauth_problem=signature_invalid&debug=CANARY-body')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuth1TokenError);
    expect(error).toBeInstanceOf(SignetCredentialError);
    expect(error).toMatchObject({ code: 'credential_unavailable', scheme: 'oauth1', step: 'request_token', status: 401, problem: 'signature_invalid' });
    expect((error as Error).message).toBe('oauth1: request_token: POST https://photos.example.net/initiate answered 401 (oauth_problem=signature_invalid)');
    expect(inspect(error, { depth: Infinity })).not.toContain('CANARY');
  });

  test('an oauth_problem that is not a plain token is not repeated', async () => {
    const error = await step1(fakeServer(400, 'oauth_problem=%3Cscript%3E')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, problem: undefined });
  });

  test('a 200 without token credentials, or without the callback confirmed, is refused', async () => {
    await expect(step1(fakeServer(200, 'hello'))).rejects.toMatchObject({ step: 'request_token', message: expect.stringContaining('without oauth_token and oauth_token_secret') });
    const error = await step1(fakeServer(200, 'oauth_token=t&oauth_token_secret=CANARY-secret')).catch((e: unknown) => e);
    expect((error as Error).message).toContain('lacks oauth_callback_confirmed=true');
    expect(inspect(error, { depth: Infinity })).not.toContain('CANARY');
  });

  test('a network failure is a typed error with the cause', async () => {
    const failure = new TypeError('fetch failed');
    const error = await getAccessToken({
      ...CLIENT,
      fetch: () => Promise.reject(failure),
      url: 'https://photos.example.net/token',
      token: 't',
      tokenSecret: 's',
      verifier: 'v',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ step: 'access_token', status: undefined, cause: failure, message: 'oauth1: access_token: POST https://photos.example.net/token failed' });
  });

  test.each([
    [() => getRequestToken({ ...CLIENT, fetch, url: 'ftp://x' }), 'url'],
    // The token steps send secrets outside the send loop: plain http only to loopback.
    [() => getRequestToken({ ...CLIENT, fetch, url: 'http://photos.example.net/initiate' }), 'url'],
    [() => getAccessToken({ ...CLIENT, fetch, url: 'http://photos.example.net/token', token: 't', tokenSecret: 's', verifier: 'v' }), 'url'],
    [() => getRequestToken({ ...CLIENT, fetch: 'no' as never, url: 'https://x.example' }), 'fetch'],
    [() => getAccessToken({ ...CLIENT, fetch, url: 'https://x.example', token: 't', tokenSecret: 's' } as never), 'verifier'],
    [() => getAuthorizationUrl({ url: 'https://x.example', token: 't', parameters: { oauth_token: 'u' } }), 'parameters.oauth_token'],
    [() => getAuthorizationUrl({ url: 'not a url', token: 't' }), 'url'],
  ] as Array<[() => unknown, string]>)('bad options are SignetConfigErrors naming the field (%#)', async (call, field) => {
    const error = await Promise.resolve()
      .then(call)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error).toMatchObject({ field });
  });

  test('plain http to loopback is allowed for the token steps (local development)', async () => {
    const sent: Sent[] = [];
    const temporary = await getRequestToken({ ...CLIENT, fetch: fakeServer(200, 'oauth_token=t&oauth_token_secret=s&oauth_callback_confirmed=true', sent), url: 'http://127.0.0.1:8080/initiate' });
    expect(temporary.token).toBe('t');
    expect(sent[0]?.url).toBe('http://127.0.0.1:8080/initiate');
  });
});
