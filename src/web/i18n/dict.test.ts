import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { FEATURES } from './dict.js';
import { zh } from './zh.js';

describe('the web dictionaries', () => {
  it('no feature redefines a key of the core or of another feature, so no string silently replaces another', () => {
    const seen = new Map<string, string>(Object.keys(zh).map((k) => [k, 'core']));
    const clashes: string[] = [];
    FEATURES.forEach((feature, i) => {
      for (const key of Object.keys(feature.zh)) {
        if (seen.has(key)) clashes.push(`${key} (feature ${i} and ${seen.get(key)})`);
        seen.set(key, `feature ${i}`);
      }
    });
    expect(clashes).toEqual([]);
  });

  // Some English texts are rightly empty (Chinese counters such as 个 have no English word).
  it('every key has a Chinese and an English entry', () => {
    for (const dict of [{ zh, en }, ...FEATURES]) expect(Object.keys(dict.en).sort()).toEqual(Object.keys(dict.zh).sort());
  });
});
