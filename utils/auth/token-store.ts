/**
 * Access tokens live only in storage.session (memory, never on disk, not readable by content
 * scripts) so that a restarted service worker keeps them and a browser restart forgets them (F1).
 */
import * as z from 'zod/mini';
import type { IssuedToken } from './oauth-flow';

const tokenSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  expiresAt: z.number(),
  scopes: z.array(z.string()),
});

export interface SessionArea {
  /** null reads every key. */
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface TokenStore {
  get(email: string): Promise<IssuedToken | null>;
  set(email: string, token: IssuedToken): Promise<void>;
  remove(email: string): Promise<void>;
}

const keyFor = (email: string) => `token:${email.toLowerCase()}`;

export function createTokenStore(area: SessionArea): TokenStore {
  return {
    async get(email) {
      const key = keyFor(email);
      const parsed = tokenSchema.safeParse((await area.get(key))[key]);
      return parsed.success ? parsed.data : null;
    },
    async set(email, token) {
      await area.set({ [keyFor(email)]: token });
    },
    async remove(email) {
      await area.remove(keyFor(email));
    },
  };
}
