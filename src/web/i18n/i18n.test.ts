import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';
import { featureEn, featureZh } from './features';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, unknown]> {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('web i18n resources', () => {
  const zh = leaves({ ...zhCN, ...featureZh } as Tree);
  const en = leaves({ ...enUS, ...featureEn } as Tree);

  it('zh-CN and en-US have identical key sets', () => {
    expect(en.map(([k]) => k).sort()).toEqual(zh.map(([k]) => k).sort());
  });

  it('has no empty or non-string values', () => {
    for (const [key, value] of [...zh, ...en]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim().length, key).toBeGreaterThan(0);
    }
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const enMap = new Map(en);
    for (const [key, value] of zh) {
      expect(placeholders(String(enMap.get(key))), key).toEqual(placeholders(String(value)));
    }
  });

  it('keys contain no separator characters i18next would misread', () => {
    for (const [key] of zh) expect(key.split('.').every((part) => /^[A-Za-z0-9_]+$/.test(part)), key).toBe(true);
  });
});
