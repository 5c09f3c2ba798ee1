import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckChar } from './uscc.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes whose check digit is right', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91110000802100433B')).toBe(true);
    expect(isValidUscc('91440300708461136T')).toBe(true);
  });

  it('rejects a code with one character changed', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000101Y43')).toBe(false);
  });

  it('rejects letters outside the GB 32100 alphabet (I, O, S, V, Z) and wrong lengths', () => {
    expect(isValidUscc('91350100M000100I43')).toBe(false);
    expect(isValidUscc('9135010OM000100Y43')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y433')).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
  });

  it('writes a check value of 31 as 0', () => {
    // Search a run of serials for one whose weighted sum is ≡ 0 mod 31, the case that maps 31 to '0'.
    let found = false;
    for (let n = 0; n < 2000 && !found; n++) {
      const base = `91652300MA${String(n).padStart(7, '0')}`;
      const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
      const sum = [...base].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i], 0);
      if (sum % 31 === 0) {
        expect(usccCheckChar(base)).toBe('0');
        expect(isValidUscc(`${base}0`)).toBe(true);
        found = true;
      }
    }
    expect(found).toBe(true);
  });
});
