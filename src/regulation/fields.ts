// a15.s1: the eight priority fields in which MOST deploys bases. Ids and Chinese names come from
// the regulation JSON; the English names are working glosses.
import { clause, measuresData } from './clauses.js';
import type { Text } from './verdict.js';

export const fieldIds = [
  'energy',
  'materials_manufacturing',
  'information_network',
  'agriculture',
  'bio_health',
  'ecology_environment',
  'space_ocean',
  'public_security',
] as const;
export type FieldId = (typeof fieldIds)[number];

const en: Record<FieldId, string> = {
  energy: 'Energy and resource development and use',
  materials_manufacturing: 'New materials and advanced manufacturing',
  information_network: 'Information networks',
  agriculture: 'Modern agriculture',
  bio_health: 'Biology and health',
  ecology_environment: 'Ecological and environmental protection',
  space_ocean: 'Space and ocean',
  public_security: 'Public security',
};

type RawField = { code: string; zh: string };
const raw = (measuresData.articles.find((a) => a.number === 15)?.clauses[0] as { fields?: RawField[] } | undefined)?.fields ?? [];

export type PriorityField = { id: FieldId; name: Text; clause: 'a15.s1' };

export const priorityFields: readonly PriorityField[] = fieldIds.map((id) => {
  const zh = raw.find((f) => f.code === id)?.zh;
  if (!zh) throw new Error(`a15.s1: field ${id} missing from the regulation JSON`);
  return { id, name: { zh, en: en[id] }, clause: 'a15.s1' as const };
});

export const isFieldId = (s: string): s is FieldId => (fieldIds as readonly string[]).includes(s);

// Touch the clause so a renamed id fails at load, not in a screen.
clause('a15.s1');
