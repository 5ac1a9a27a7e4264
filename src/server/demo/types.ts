// Plain demo data: what the loader inserts. Cross-references use stable string keys, never
// database ids, so that the data can be generated without a database.
import { fieldIds, type FieldId } from '../../regulation/fields.js';
import type { Role } from '../platform/authz/roles.js';
import type { OrgKind } from '../organizations/registry/kinds.js';
import type { DemoBases } from './bases.js';

/** The eight priority fields of a15.s1, with the ids of the regulation data (one source of truth). */
export const PRIORITY_FIELDS: readonly FieldId[] = fieldIds;
export type PriorityField = FieldId;

export type DemoRole = Role;

export interface DemoOrg {
  key: string; // stable: 'most', 'prov-510000', 'zone-chengdu', 'inst-tsinghua', 'foreign-…'
  kind: OrgKind;
  nameZh: string;
  nameEn: string;
  /** Valid GB 32100 code for Chinese legal entities; null for foreign and government bodies.
   *  Synthetic even for real institutions: valid check chars, not their real registration. */
  uscc: string | null;
  regionCode: string | null; // GB/T 2260 ('660xxx' for the Corps); null for foreign partners
  affiliationKey: string | null; // 隶属: the superior body
  zoneKey: string | null; // the national high-tech zone the org is located in
  /** ISO date of legal registration (a7.p1.i1); for zones the approval date; null for government bodies. */
  registeredOn: string | null;
  independentLegalEntity: boolean;
  country: string; // ISO 3166-1 alpha-2; 'CN' for domestic orgs
}

export interface DemoAccount {
  username: string;
  displayName: string;
  orgKey: string;
  roles: DemoRole[];
  email: string;
  phone: string;
  locale: 'zh-CN' | 'en-US';
  /** Priority fields of an expert; empty for everyone else. */
  expertFields: PriorityField[];
}

export type DemoProjectKind = 'national_special' | 'intergovernmental' | 'provincial' | 'other';

export interface DemoProject {
  key: string; // 'proj-<institution slug>-<n>'
  orgKey: string;
  kind: DemoProjectKind;
  /** 'provincial' stands for 省部级 (provincial or ministerial), the a8.p1.i1 wording. */
  level: 'national' | 'provincial';
  field: PriorityField;
  title: string;
  partnerCountry: string; // ISO 3166-1 alpha-2
  partnerOrgKey: string; // a foreign_partner org
  startYear: number;
  endYear: number;
  fundingWan: number; // 万元, granted
  matchingWan: number; // 万元, matching funds from the recommending department (a16.s2)
}

export interface DemoData {
  seed: number;
  referenceDate: string; // '2026-04-15': "now" for the demo (a7.p1.i1 registration age, etc.)
  password: string; // one demo password for all accounts; the loader hashes it
  orgs: DemoOrg[];
  accounts: DemoAccount[];
  projects: DemoProject[];
  /** Existing national bases with their history (bases.ts). */
  bases: DemoBases;
}
