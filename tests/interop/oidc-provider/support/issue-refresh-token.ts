import type { RunningProvider } from './start-provider.js';

/** A grant and its first refresh token, as a completed sign-in would leave them. */
export interface IssuedRefreshToken {
  readonly grantId: string;
  readonly refreshToken: string;
}

/**
 * Creates, through oidc-provider's own models, what an authorization code sign-in would have
 * produced: a Grant for `accountId` and `clientId` with `openid offline_access`, and a refresh
 * token on it. Driving the browser login (interactions, consent, the code exchange) would test
 * oidc-provider's login pages, not Signet; the refresh token grant that follows is the same.
 * `expiresWithSession: false` is what offline_access gives: the token outlives the browser
 * session, so no Session object is needed.
 */
export async function issueRefreshToken(running: RunningProvider, clientId: string, accountId = 'alice'): Promise<IssuedRefreshToken> {
  const { provider } = running;
  const client = await provider.Client.find(clientId);
  if (client === undefined) throw new Error(`no client ${clientId}`);
  const grant = new provider.Grant({ accountId, clientId });
  grant.addOIDCScope('openid offline_access');
  const grantId = await grant.save();
  const refreshToken = await new provider.RefreshToken({
    client,
    accountId,
    grantId,
    scope: 'openid offline_access',
    gty: 'authorization_code',
    authTime: Math.floor(Date.now() / 1000),
    expiresWithSession: false,
  }).save();
  return { grantId, refreshToken };
}
