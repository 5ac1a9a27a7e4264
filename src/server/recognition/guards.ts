// Who may run the national parts of recognition that are not steps of one application: opening
// calls, issuing decisions, recording notices. The competent authority (a10.s0).
import type { Actor as DomainActor } from '../../regulation/index.js';
import type { Actor } from '../platform/authz/actor.js';
import { AppError } from '../platform/http/errors.js';
import { domainActorOf } from './actor-map.js';

export function requireDomainActor(actor: Actor): DomainActor {
  const d = domainActorOf(actor);
  if (!d) throw new AppError('forbidden');
  return d;
}

/** 科技部 or 国际合作司 (a10.s0): calls are theirs. */
export function requireMinistry(actor: Actor): DomainActor {
  const d = requireDomainActor(actor);
  if (!(d.orgKind === 'ministry' || d.orgKind === 'ministry_intl_dept') || !actor.roles.includes('ministry_officer')) throw new AppError('forbidden');
  return d;
}

/** The national bodies that organize review and issue documents: the ministry, 国际合作司, 火炬中心. */
export function requireNationalBody(actor: Actor): DomainActor {
  const d = requireDomainActor(actor);
  if (!['ministry', 'ministry_intl_dept', 'torch_center'].includes(d.orgKind)) throw new AppError('forbidden');
  return d;
}
