// Types of the alliance pages, from the shared contracts.
import type { z } from 'zod';
import type { ZAlignment, ZAnnouncement, ZEvent, ZEventDetail, ZGroup, ZMember, ZMembership, ZOverview, ZResource, ZWorkReport } from '../../../contracts/alliance';

export type Overview = z.infer<typeof ZOverview>;
export type Membership = z.infer<typeof ZMembership>;
export type Member = z.infer<typeof ZMember>;
export type Group = z.infer<typeof ZGroup>;
export type Resource = z.infer<typeof ZResource>;
export type Announcement = z.infer<typeof ZAnnouncement>;
export type AllianceEvent = z.infer<typeof ZEvent>;
export type EventDetail = z.infer<typeof ZEventDetail>;
export type Alignment = z.infer<typeof ZAlignment>;
export type WorkReport = z.infer<typeof ZWorkReport>;
export { eventKinds, resourceKinds, linkKinds, iurPartnerKinds, fieldIds } from '../../../contracts/alliance';

export const membershipColor: Record<string, string> = { applied: 'processing', member: 'success', declined: 'default', left: 'default', removed: 'error' };
export const eventColor: Record<string, string> = { meeting: 'blue', training: 'purple', delegation: 'cyan' };
/** Bases the actor acts for that are current members (to register, post, join a group). */
export const memberBases = (o: Overview | undefined) => (o?.bases ?? []).filter((b) => b.membership?.status === 'member');
