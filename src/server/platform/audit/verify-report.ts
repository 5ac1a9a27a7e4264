// The report of `npm run audit:verify`, as lines and an exit code (kept apart from the CLI so it is tested).
import type { Db } from '../db/client.js';
import { verifyAuditIntegrity } from '../jobs/anchor.js';

export async function auditVerifyReport(db: Db, currentPublicKeyPem?: string): Promise<{ lines: string[]; exitCode: 0 | 1 }> {
  const result = await verifyAuditIntegrity(db, currentPublicKeyPem);
  const lines = [
    result.firstBrokenId === null
      ? `audit chain intact: ${result.checked} records verified (SM3)`
      : `audit chain BROKEN at record ${result.firstBrokenId} (${result.reason}); ${result.checked} records before it verified`,
    result.anchors.ok
      ? `anchors intact: ${result.anchors.checked} daily anchors verified (SM2 signature over the chain head)`
      : `anchor BAD: anchor ${result.anchors.firstBadAnchorId} (${result.anchors.reason}); ${result.anchors.checked} anchors before it verified`,
  ];
  return { lines, exitCode: result.ok ? 0 : 1 };
}
