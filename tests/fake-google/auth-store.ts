/**
 * Grants (what an account allowed a client) and the access tokens issued from them. Revoking —
 * through oauth2.googleapis.com/revoke or "Google's permissions page" (control.revokeGrant) —
 * removes the grant and kills every token issued from it; expiry only kills tokens.
 */
import { randomToken } from './ids.ts';
import { union } from './scopes.ts';

export const TOKEN_LIFETIME_S = 3599;

export interface Grant {
  accountEmail: string;
  clientId: string;
  scopes: string[];
}

export interface AccessToken {
  token: string;
  accountEmail: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export class AuthStore {
  private readonly grants = new Map<string, Grant>();
  private readonly tokens = new Map<string, AccessToken>();

  constructor(private readonly now: () => number) {}

  private key(accountEmail: string, clientId: string): string {
    return `${accountEmail.toLowerCase()} ${clientId}`;
  }

  grant(accountEmail: string, clientId: string): Grant | undefined {
    return this.grants.get(this.key(accountEmail, clientId));
  }

  /** Adds scopes to the account's grant for this client (Google keeps earlier grants). */
  addGrant(accountEmail: string, clientId: string, scopes: readonly string[]): Grant {
    const existing = this.grant(accountEmail, clientId);
    const grant = { accountEmail: accountEmail.toLowerCase(), clientId, scopes: union(existing?.scopes ?? [], scopes) };
    this.grants.set(this.key(accountEmail, clientId), grant);
    return grant;
  }

  issue(accountEmail: string, clientId: string, scopes: readonly string[]): AccessToken {
    const token: AccessToken = {
      token: `ya29.a0${randomToken(96)}`,
      accountEmail: accountEmail.toLowerCase(),
      clientId,
      scopes: [...scopes],
      expiresAt: this.now() + TOKEN_LIFETIME_S * 1000,
      revoked: false,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  /** A token that is known, unrevoked and unexpired. */
  valid(token: string): AccessToken | undefined {
    const record = this.tokens.get(token);
    if (record === undefined || record.revoked || record.expiresAt <= this.now()) return undefined;
    return record;
  }

  lookup(token: string): AccessToken | undefined {
    return this.tokens.get(token);
  }

  /** Revokes the grant behind a token (all clients' tokens of that grant die with it). */
  revokeGrantOf(token: AccessToken): void {
    this.revokeGrant(token.accountEmail, token.clientId);
  }

  revokeGrant(accountEmail: string, clientId?: string): void {
    const email = accountEmail.toLowerCase();
    for (const [key, grant] of this.grants) {
      if (grant.accountEmail === email && (clientId === undefined || grant.clientId === clientId)) this.grants.delete(key);
    }
    for (const token of this.tokens.values()) {
      if (token.accountEmail === email && (clientId === undefined || token.clientId === clientId)) token.revoked = true;
    }
  }

  expireTokens(accountEmail: string): void {
    const email = accountEmail.toLowerCase();
    for (const token of this.tokens.values()) if (token.accountEmail === email) token.expiresAt = Math.min(token.expiresAt, this.now() - 1);
  }

  /** Every access token issued since the last reset, revoked and expired ones included. */
  issuedTokens(): AccessToken[] {
    return [...this.tokens.values()].map((t) => ({ ...t, scopes: [...t.scopes] }));
  }

  allGrants(): Grant[] {
    return [...this.grants.values()].map((g) => ({ ...g, scopes: [...g.scopes] }));
  }
}
