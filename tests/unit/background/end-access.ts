/** The sessions' `endAccess` as the background wires it (pending-purges.ts), for tests of the sessions. */
import type { AuthService } from '../../../utils/auth/auth-service';
import type { SessionArea } from '../../../utils/auth/token-store';
import { createPendingPurges } from '../../../utils/background/pending-purges';
import { BASE_SCOPES } from '../../../utils/background/sessions';
import type { CacheDb } from '../../../utils/db/schema';

export function endAccessWith(local: SessionArea, session: SessionArea, db: CacheDb, auth: AuthService) {
  return createPendingPurges({
    local,
    session,
    db: async () => db,
    revoke: (account) => auth.revoke(account, BASE_SCOPES),
    forget: (account) => auth.forget(account),
    log: () => undefined,
  }).run;
}
