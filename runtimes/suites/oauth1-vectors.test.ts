// RFC 5849 §1.2: the three example requests, and the one base string the RFC prints for them.
import { createAuthContext, createClock, platformCrypto, type SignableRequest, utf8 } from '@signet/core';
import { buildBaseString, collectParameters, oauth1, type OAuth1Options, parseOAuth1Authorization, signBaseString, signingKey } from '@signet/core/oauth1';
import { expect, test } from '../harness/index.js';

const at = (seconds: number, nonce: string) => createAuthContext({ clock: createClock({ now: () => seconds * 1000 }), nonce: () => nonce });
const request = (method: string, url: string): SignableRequest => ({ method, url: new URL(url), headers: new Headers(), body: undefined });
const CLIENT = { consumerKey: 'dpf43f3p2l4k3l03', consumerSecret: 'kd94hf93k423kf44', realm: 'Photos' };

// [what, options, method, url, timestamp, nonce, oauth_signature as printed in §1.2]
const EXAMPLES: ReadonlyArray<readonly [string, Partial<OAuth1Options>, string, string, number, string, string]> = [
  ['temporary credentials', { callback: 'http://printer.example.com/ready' }, 'POST', 'https://photos.example.net/initiate', 137131200, 'wIjqoS', '74KNZJeDHnMBp0EMJ9ZHt/XKycU='],
  ['token', { token: 'hh5s93j4hdidpola', tokenSecret: 'hdhd0244k9j7ao03', verifier: 'hfdp7dh39dks9884' }, 'POST', 'https://photos.example.net/token', 137131201, 'walatlh', 'gKgrFCywp7rO0OXSjdot/IHF7IU='],
  ['protected resource', { token: 'nnch734d00sl2jdk', tokenSecret: 'pfkkdhi9sl3r4s00' }, 'GET', 'http://photos.example.net/photos?file=vacation.jpg&size=original', 137131202, 'chapoH', 'MdpQcU8iPSUjWoN/UDMsK2sui9I='],
];

const PHOTOS_BASE_STRING =
  'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26' +
  'oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal';

export default function define(): void {
  for (const [what, options, method, url, timestamp, nonce, signature] of EXAMPLES) {
    test(`RFC 5849 §1.2 ${what} request: the printed oauth_signature`, async () => {
      const signed = await oauth1({ ...CLIENT, ...options } as OAuth1Options).authorize(request(method, url), at(timestamp, nonce));
      const header = signed.headers.get('authorization') ?? '';
      expect(header).toMatch(/^OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", /);
      const parameters = Object.fromEntries(parseOAuth1Authorization(header.slice('OAuth '.length))?.parameters ?? []);
      expect(parameters['oauth_signature']).toBe(signature);
      expect(parameters['oauth_timestamp']).toBe(String(timestamp));
      expect(parameters['oauth_nonce']).toBe(nonce);
    });
  }

  test('RFC 5849 §1.2: the printed base string, rebuilt from the signed request and signed with the printed secrets', async () => {
    const [, options, method, url, timestamp, nonce] = EXAMPLES[2]!;
    const signed = await oauth1({ ...CLIENT, ...options } as OAuth1Options).authorize(request(method, url), at(timestamp, nonce));
    const auth = parseOAuth1Authorization((signed.headers.get('authorization') ?? '').slice('OAuth '.length));
    const parameters = collectParameters({ url: signed.url, contentType: null, body: undefined, protocolParameters: auth?.parameters ?? [] });
    expect(buildBaseString({ method, url: signed.url, parameters })).toBe(PHOTOS_BASE_STRING);
    const key = utf8(signingKey('kd94hf93k423kf44', 'pfkkdhi9sl3r4s00'));
    expect(await signBaseString(PHOTOS_BASE_STRING, { method: 'HMAC-SHA1', key }, platformCrypto)).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });
}
