import type { Role } from './roles.js';

/** Who is acting: resolved from the session on every request. */
export interface Actor {
  userId: string;
  sessionId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgKind: string;
  orgNameZh: string;
  orgNameEn: string;
  regionCode: string | null;
  roles: Role[];
  locale: string;
  csrfToken: string;
}
