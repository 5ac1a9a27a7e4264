import { describe, expect, it } from 'vitest';
import { actions, resources, scopeFor, separatedRoles } from '../platform/authz/policy.js';
import { roles } from '../platform/authz/roles.js';
import { generateSm4KeyHex, parseSm4KeyRing } from '../platform/crypto/sm.js';
import { characterClasses, passwordIssues, passwordRulesBroken, reusedRule } from './password-policy.js';
import { defaultSecuritySettings, ZSecuritySettings } from './settings.js';
import { needsSecondApproval, separationConflict } from './role-classes.js';
import { restrictionFor } from '../accounts/restriction.js';
import { maskEmail, maskPhone, seal, unseal } from '../accounts/personal-data.js';
import { matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUri, recoveryCodeHash, totpCode } from '../accounts/totp.js';

const s = defaultSecuritySettings;

describe('GB/T 22239-2019 8.1.4.1 a: password complexity', () => {
  it('counts the four character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('abcDEF')).toBe(2);
    expect(characterClasses('abcDEF123')).toBe(3);
    expect(characterClasses('abcDEF123!')).toBe(4);
    expect(characterClasses('密码Abc1')).toBe(3); // CJK ideographs are not a class of their own
  });

  it('names each broken rule: length, classes, username', () => {
    expect(passwordRulesBroken('Str0ng-Passw0rd!', s)).toEqual([]);
    expect(passwordRulesBroken('Ab1!', s).map((b) => b.rule)).toEqual(['min_length']);
    expect(passwordRulesBroken('abcdefghijkl', s).map((b) => b.rule)).toEqual(['char_classes']);
    expect(passwordRulesBroken('Hunan-2026-pass', s, 'hunan').map((b) => b.rule)).toEqual(['contains_username']);
    expect(passwordRulesBroken('abcdefghijkl', { passwordMinLength: 8, passwordMinClasses: 1 })).toEqual([]);
  });

  it('phrases the issues in the user language, naming the field and the rule', () => {
    const broken = [...passwordRulesBroken('short', s), reusedRule(5)];
    const zh = passwordIssues('next', broken, 'zh');
    expect(zh.map((i) => i.rule)).toEqual(['password_min_length', 'password_char_classes', 'password_reused']);
    expect(zh.every((i) => i.field === 'next')).toBe(true);
    expect(zh[0]!.message).toContain('字段「next」：密码长度至少为 10 位');
    expect(passwordIssues('next', broken, 'en')[2]!.message).toBe('Field "next": must differ from the current password and the last 5 passwords');
  });

  it('bounds the editable policy so it cannot be weakened below a floor', () => {
    expect(ZSecuritySettings.safeParse(s).success).toBe(true);
    expect(ZSecuritySettings.safeParse({ ...s, passwordMinLength: 6 }).success).toBe(false);
    expect(ZSecuritySettings.safeParse({ ...s, accountMaxFailures: 1000 }).success).toBe(false);
  });
});

describe('session restrictions: maximum password age for officials, required second factor', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  const old = new Date(now - 91 * 86_400_000);
  const fresh = new Date(now - 10 * 86_400_000);
  it('an official whose password is older than the maximum age must change it first', () => {
    expect(restrictionFor({ roles: ['ministry_officer'], passwordChangedAt: old, totpEnabled: false }, s, now)).toBe('password_expired');
    expect(restrictionFor({ roles: ['ministry_officer'], passwordChangedAt: fresh, totpEnabled: false }, s, now)).toBeNull();
  });
  it('the maximum age applies to officials only, and 0 means none', () => {
    expect(restrictionFor({ roles: ['institution_user'], passwordChangedAt: old, totpEnabled: false }, s, now)).toBeNull();
    expect(restrictionFor({ roles: ['expert'], passwordChangedAt: old, totpEnabled: false }, s, now)).toBeNull();
    expect(restrictionFor({ roles: ['sys_admin'], passwordChangedAt: old, totpEnabled: false }, { ...s, passwordMaxAgeDaysOfficials: 0 }, now)).toBeNull();
  });
  it('requireMfaForOfficials holds back officials without TOTP, not institutions', () => {
    const on = { ...s, requireMfaForOfficials: true };
    expect(restrictionFor({ roles: ['recommender_officer'], passwordChangedAt: fresh, totpEnabled: false }, on, now)).toBe('mfa_enrolment_required');
    expect(restrictionFor({ roles: ['recommender_officer'], passwordChangedAt: fresh, totpEnabled: true }, on, now)).toBeNull();
    expect(restrictionFor({ roles: ['institution_user'], passwordChangedAt: fresh, totpEnabled: false }, on, now)).toBeNull();
    expect(restrictionFor({ roles: ['expert'], passwordChangedAt: fresh, totpEnabled: false }, { ...s, requireMfaForExperts: true }, now)).toBe('mfa_enrolment_required');
  });
});

describe('TOTP (RFC 6238) and recovery codes', () => {
  it('accepts the code of this step and of one step either side, nothing further', () => {
    const secret = newTotpSecret();
    const now = Date.parse('2026-03-01T08:00:10Z');
    const step = Math.floor(now / 30_000);
    expect(matchTotp(totpCode(secret, now), secret, now)).toBe(step);
    expect(matchTotp(totpCode(secret, now - 30_000), secret, now)).toBe(step - 1);
    expect(matchTotp(totpCode(secret, now + 30_000), secret, now)).toBe(step + 1);
    expect(matchTotp(totpCode(secret, now - 90_000), secret, now)).toBeNull();
    expect(matchTotp('12345', secret, now)).toBeNull();
  });
  it('RFC 6238 appendix B vector (SHA-1, T = 59 s → 94287082, last six digits)', () => {
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"
    expect(totpCode(rfcSecret, 59_000)).toBe('287082');
  });
  it('builds an otpauth URI carrying the secret and the issuer', () => {
    const uri = new URL(otpauthUri('moist', 'JBSWY3DPEHPK3PXP'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(uri.searchParams.get('issuer')).toBe('Guohe 国合');
  });
  it('makes 10 distinct recovery codes, normalised for entry, hashed per user', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(normaliseRecoveryCode(codes[0]!.toLowerCase().replace(/-/g, ' '))).toBe(codes[0]!.replace(/-/g, ''));
    expect(recoveryCodeHash('u1', codes[0]!)).toBe(recoveryCodeHash('u1', codes[0]!.toLowerCase()));
    expect(recoveryCodeHash('u1', codes[0]!)).not.toBe(recoveryCodeHash('u2', codes[0]!));
    expect(recoveryCodeHash('u1', codes[0]!)).not.toContain(codes[0]!.replace(/-/g, ''));
  });
});

describe('GB/T 39786-2021 / PIPL: personal fields sealed with SM4, masked for others', () => {
  const ring = parseSm4KeyRing(`k1:${generateSm4KeyHex()}`);
  it('seals a phone number bound to its row: another row cannot open it', () => {
    const c = seal(ring, 'phone', 'user-a', '13812345678');
    expect(c.startsWith('v1:k1:')).toBe(true);
    expect(c).not.toContain('13812345678');
    expect(unseal(ring, 'phone', 'user-a', c)).toBe('13812345678');
    expect(() => unseal(ring, 'phone', 'user-b', c)).toThrow();
    expect(() => unseal(ring, 'email', 'user-a', c)).toThrow();
  });
  it('masks: 138****5678 and z***@example.org', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskEmail('zhang.san@example.org')).toBe('z***@example.org');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('三员分立 (separation of duties)', () => {
  it('GB/T 22239-2019 8.1.4.2: no administrator role can read or decide applications (or any review resource)', () => {
    const reviewLike = resources.filter((r) => /application|review/.test(r));
    expect(reviewLike).toContain('application');
    for (const role of separatedRoles) for (const resource of reviewLike) for (const action of actions) {
      expect(scopeFor([role], resource, action), `${role} × ${resource} × ${action}`).toBeNull();
    }
  });
  it('the three administrator roles exclude one another; other roles do not conflict', () => {
    expect(separationConflict(['sys_admin'], 'audit_admin')).toBe('sys_admin');
    expect(separationConflict(['security_admin'], 'sys_admin')).toBe('security_admin');
    expect(separationConflict(['ministry_officer'], 'sys_admin')).toBeNull();
    expect(separationConflict(['sys_admin'], 'expert')).toBeNull();
  });
  it('ministry roles and the administrator roles need a second approval; the rest do not', () => {
    const second = roles.filter(needsSecondApproval);
    expect(second.sort()).toEqual(['audit_admin', 'ministry_officer', 'security_admin', 'sys_admin', 'torch_officer']);
  });
});
