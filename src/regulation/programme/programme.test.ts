import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { national2011, nationalProgrammes, NATIONAL_LINEAGE, trialMeasures } from '../programmes/index.js';
import { beijingInstant } from '../dates.js';
import { validateProgramme, loadProgramme } from './validate.js';
import { programmeVersionAt } from './versions.js';

describe('a4.s1: recognition by type, unified management', () => {
  it('each of the four types has its own conditions and procedure, all in one national programme issued by MOST', () => {
    expect(validateProgramme(national2011)).toEqual([]);
    expect(national2011.issuer.orgKind).toBe('ministry');
    expect(national2011.types).toHaveLength(4);
    const procedures = national2011.types.map((t) => JSON.stringify(t.procedure));
    expect(new Set(procedures).size).toBe(4);
    for (const t of national2011.types) {
      expect(t.procedure.filter((s) => s.deciding)).toHaveLength(1);
      expect(t.conditions.every((c) => c.clauses.every((id) => id.startsWith(t.definitionClause.split('.')[0]!) || id === 'a2.s1'))).toBe(true);
    }
  });

  it('validation catches an unknown clause, bad params and a missing deciding step', () => {
    const broken = structuredClone(national2011);
    broken.types[0]!.conditions.push({ kind: 'registrationAge', clauses: ['a99.s9'], params: { minYears: -1 } });
    broken.types[1]!.procedure = broken.types[1]!.procedure.map((s) => ({ ...s, deciding: false }));
    const problems = validateProgramme(broken).map((p) => p.problem);
    expect(problems.some((p) => p.includes('a99.s9'))).toBe(true);
    expect(problems.some((p) => p.includes('minYears') || p.includes('expected'))).toBe(true);
    expect(problems.some((p) => p.includes('deciding'))).toBe(true);
    expect(() => loadProgramme(broken)).toThrow();
  });
});

describe('a23.s1 / a22.s1: the version in force when a call opened', () => {
  it('a23.s1: before 2011-07-29 the trial measures, from that day the 2011 measures', () => {
    expect(programmeVersionAt(nationalProgrammes, '2011-07-28', NATIONAL_LINEAGE)).toBe(trialMeasures);
    expect(programmeVersionAt(nationalProgrammes, '2011-07-29', NATIONAL_LINEAGE)).toBe(national2011);
    expect(programmeVersionAt(nationalProgrammes, beijingInstant('2011-07-29'), NATIONAL_LINEAGE)).toBe(national2011);
    expect(programmeVersionAt(nationalProgrammes, new Date('2011-07-28T15:59:59Z'), NATIONAL_LINEAGE)).toBe(trialMeasures);
    expect(programmeVersionAt(nationalProgrammes, '2026-04-01')).toBe(national2011);
    expect(trialMeasures.status).toBe('superseded');
    expect(national2011.replaces).toBe(`${NATIONAL_LINEAGE}@trial`);
  });
});

describe('no code names a province (a21.s1: local measures are data)', () => {
  const dir = fileURLToPath(new URL('..', import.meta.url));
  const files = (d: string): string[] => readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
  const provinces = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
    'Tianjin', 'Hebei', 'Shanxi', 'Liaoning', 'Jilin', 'Heilongjiang', 'Shanghai', 'Jiangsu', 'Zhejiang', 'Anhui', 'Fujian', 'Jiangxi', 'Shandong', 'Henan', 'Hubei', 'Hunan', 'Guangdong', 'Guangxi', 'Hainan', 'Chongqing', 'Sichuan', 'Guizhou', 'Yunnan', 'Tibet', 'Shaanxi', 'Gansu', 'Qinghai', 'Ningxia', 'Xinjiang', 'Qingdao'];
  it('domain source files mention no province (Beijing time aside)', () => {
    const hits = files(dir).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return provinces.filter((p) => text.toLowerCase().includes(p.toLowerCase())).map((p) => `${f}: ${p}`);
    });
    expect(hits).toEqual([]);
  });
});
