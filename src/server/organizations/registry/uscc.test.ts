import { describe, expect, it } from 'vitest';
import { isValidUscc, makeUscc, normalizeUscc, orgCodeCheckChar, parseUscc, usccCheckChar, usccInvalidReason } from './uscc.js';

// Published codes; their validity here is established by the computation under test, and was
// cross-checked by an independent implementation when the list was written.
const REAL = [
  '91350100M000100Y43', // the worked example circulated with GB 32100-2015
  '12100000400000624D', // 清华大学 (机构编制 / 事业单位, registered centrally)
  '914403001922038216', // 华为技术有限公司
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司 (org-code check char 'X')
  '91330100716105852F', // 阿里巴巴（中国）有限公司
];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(REAL)('accepts the real code %s, strict check included', (code) => {
    expect(usccInvalidReason(code)).toBeNull();
    expect(isValidUscc(code, { strict: true })).toBe(true);
  });

  it('computes the check char of position 18', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('12100000400000624')).toBe('D');
    expect(orgCodeCheckChar('71526726')).toBe('X');
  });

  it.each([
    ['9135010OM000100Y43', 'charset'], // letter O
    ['91350100M000100I43', 'charset'], // letter I
    ['91350100M000100Y4S', 'charset'], // S cannot even be a check char
    ['91350100m000100y43', 'charset'], // lower case is not normalized silently
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['', 'length'],
    ['9135A100M000100Y43', 'region'],
    ['91350100M000100Y44', 'check_digit'],
    ['91350100M000101Y43', 'check_digit'], // one changed body character
    ['914403001922038261', 'check_digit'], // transposed tail
  ] as const)('rejects %s as %s', (code, reason) => {
    expect(usccInvalidReason(code)).toBe(reason);
    expect(isValidUscc(code)).toBe(false);
  });

  it('checks the GB 11714 organization-code char only in strict mode', () => {
    // Position 17 changed and position 18 recomputed: valid by GB 32100 alone, not by GB 11714.
    const first17 = '91350100M000100Y5';
    const code = first17 + usccCheckChar(first17);
    expect(usccInvalidReason(code)).toBeNull();
    expect(usccInvalidReason(code, { strict: true })).toBe('org_code_check_digit');
  });

  it('normalizes pasted input', () => {
    expect(normalizeUscc(' 91350100-m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('parses the parts of a valid code', () => {
    expect(parseUscc('12100000400000624D')).toEqual({
      registrationAuthority: '1',
      entityCategory: '2',
      regionCode: '100000',
      organizationCode: '400000624',
    });
    expect(parseUscc('12100000400000624E')).toBeNull();
  });

  it('makes valid, distinct codes from seed parts', () => {
    const codes = new Set<string>();
    for (let serial = 0; serial < 2000; serial += 7) {
      const code = makeUscc({ registrationAuthority: '9', entityCategory: '1', regionCode: '510100', serial });
      expect(isValidUscc(code, { strict: true })).toBe(true);
      expect(code.slice(2, 8)).toBe('510100');
      codes.add(code);
    }
    expect(codes.size).toBe(286);
    expect(makeUscc({ registrationAuthority: '1', entityCategory: '2', regionCode: '660000', serial: 31 ** 8 - 1 })).toMatch(/^12660000Y{8}/);
  });

  it('refuses bad seed parts', () => {
    expect(() => makeUscc({ registrationAuthority: 'I', entityCategory: '1', regionCode: '510100', serial: 1 })).toThrow();
    expect(() => makeUscc({ registrationAuthority: '9', entityCategory: '1', regionCode: '5101', serial: 1 })).toThrow();
    expect(() => makeUscc({ registrationAuthority: '9', entityCategory: '1', regionCode: '510100', serial: -1 })).toThrow();
  });
});
