import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { getBuiltinPack } from '../../src/pack/registry';
import { canonicalInputs, inputsSha256, sha256Hex } from '../../src/engine/stamp';
import { inputIds } from '../../src/pack/inputs';

const nodeSha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('stamp SHA-256', () => {
  it('matches the FIPS test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on any text, including Vietnamese and astral characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(nodeSha(s));
      }),
      { numRuns: 300 },
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120, 1000])
      expect(sha256Hex('đ'.repeat(n))).toBe(nodeSha('đ'.repeat(n)));
  });

  it('canonical inputs: pack order, normalised values', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const text = canonicalInputs(ids, { b: '  Có ', a: 3, c: '   ', d: -0, e: Number.NaN });
    expect(text).toBe('[["a",3],["b","Có"],["c",null],["d",0],["e",null]]');
    // decomposed and composed Vietnamese hash the same
    expect(inputsSha256(['x'], { x: 'Không'.normalize('NFD') })).toBe(inputsSha256(['x'], { x: 'Không' }));
    expect(inputsSha256(['x'], { x: 1 })).not.toBe(inputsSha256(['x'], { x: '1' }));
  });

  it('inputIds lists profile, indicators and evidence once each', () => {
    for (const id of ['xa', 'coquan']) {
      const pack = getBuiltinPack(id);
      if (!pack) throw new Error(`missing pack ${id}`);
      const ids = inputIds(pack);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.slice(0, pack.profile.length)).toEqual(pack.profile.map((p) => p.id));
      for (const g of pack.groups)
        for (const c of g.criteria) expect(ids).toContain(`tc${c.number}_minh_chung`);
    }
  });
});
