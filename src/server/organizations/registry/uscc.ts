// Unified social credit code (统一社会信用代码), GB 32100-2015.
//
// Layout (18 chars): [1] registration authority (登记管理部门), [2] entity category (机构类别),
// [3–8] GB/T 2260 region of registration, [9–17] organization code (GB 11714, its own check char
// at 17), [18] check char over the first 17. The alphabet drops I, O, Z, S, V so that the code
// cannot be misread (1/0/2/5/U); the check digit works in base 31 over that alphabet.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const USCC_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type UsccInvalidReason =
  | 'length' // not exactly 18 characters
  | 'charset' // a character outside 0-9A-Z minus I,O,Z,S,V (lower case counts: normalize first)
  | 'region' // positions 3–8 are not six digits
  | 'org_code_check_digit' // position 17 fails GB 11714 (only checked with { strict: true })
  | 'check_digit'; // position 18 does not match

export interface UsccCheckOptions {
  /** Also check the GB 11714 organization-code check char (position 17). Real codes issued
   *  since 2015 satisfy it, but some legacy data sets carry codes that do not, so it is opt-in. */
  strict?: boolean;
}

function valueOf(ch: string): number {
  return USCC_ALPHABET.indexOf(ch);
}

/** Check char (position 18) for the first 17 characters; they must already be in the alphabet. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`usccCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueOf(first17.charAt(i));
    if (v < 0) throw new Error(`character '${first17.charAt(i)}' is not in the USCC alphabet`);
    sum += v * WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(c);
}

/** GB 11714 check char of an 8-character organization-code body (digits and A–Z valued 10–35). */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error(`bad organization-code body '${body8}'`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charCodeAt(i);
    const v = ch <= 57 ? ch - 48 : ch - 55;
    sum += v * ORG_CODE_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Trim, drop inner spaces/hyphens and upper-case: what users paste is often formatted. */
export function normalizeUscc(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Why the code is invalid, or null if it is valid. Input is taken as is (see normalizeUscc). */
export function usccInvalidReason(code: string, opts: UsccCheckOptions = {}): UsccInvalidReason | null {
  if (code.length !== 18) return 'length';
  if (!USCC_RE.test(code)) return 'charset';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region';
  if (opts.strict && orgCodeCheckChar(code.slice(8, 16)) !== code.charAt(16)) return 'org_code_check_digit';
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) return 'check_digit';
  return null;
}

export function isValidUscc(code: string, opts: UsccCheckOptions = {}): boolean {
  return usccInvalidReason(code, opts) === null;
}

export interface UsccParts {
  registrationAuthority: string; // e.g. '9' 市场监管 (enterprises), '1' 机构编制 (public institutions), '5' 民政
  entityCategory: string; // e.g. '1' 企业 / 机关, '2' 事业单位 under authority '1'
  regionCode: string; // six-digit GB/T 2260 code of the registering authority
  organizationCode: string; // nine characters, the last one its GB 11714 check char
}

export function parseUscc(code: string): UsccParts | null {
  if (usccInvalidReason(code) !== null) return null;
  return {
    registrationAuthority: code.charAt(0),
    entityCategory: code.charAt(1),
    regionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
  };
}

export interface MakeUsccSeed {
  registrationAuthority: string;
  entityCategory: string;
  regionCode: string;
  /** Any non-negative integer; distinct serials give distinct organization codes (below 31^8). */
  serial: number;
}

/** A valid code (both check chars) from seed parts — for demo and test data only. */
export function makeUscc(seed: MakeUsccSeed): string {
  const { registrationAuthority: a, entityCategory: c, regionCode, serial } = seed;
  if (valueOf(a) < 0 || valueOf(c) < 0 || a.length !== 1 || c.length !== 1) {
    throw new Error('registration authority and entity category must be single USCC characters');
  }
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`region code must be six digits: '${regionCode}'`);
  if (!Number.isSafeInteger(serial) || serial < 0) throw new Error('serial must be a non-negative integer');
  // Body in base 31 over the USCC alphabet so that every character is legal in both standards.
  let n = serial;
  let body = '';
  for (let i = 0; i < 8; i++) {
    body = USCC_ALPHABET.charAt(n % 31) + body;
    n = Math.floor(n / 31);
  }
  const first17 = a + c + regionCode + body + orgCodeCheckChar(body);
  return first17 + usccCheckChar(first17);
}
