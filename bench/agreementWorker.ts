/**
 * Worker thread of the agreement benchmark: for each chunk {packId, runs, seed} it generates random
 * answer sets (test/helpers/cases.ts) and compares the engine with the generated formulas computed by
 * HyperFormula (test/helpers/agreement.ts). Replies with counts, never throws across the port.
 */
import fc from 'fast-check';
import { parentPort } from 'node:worker_threads';
import { getBuiltinPack } from '../src/pack/registry';
import { AgreementChecker } from '../test/helpers/agreement';
import { caseArb } from '../test/helpers/cases';

export interface Chunk {
  packId: string;
  runs: number;
  seed: number;
}

export interface ChunkResult {
  packId: string;
  runs: number;
  disagreements: number;
  firstDiff?: string;
  ms: number;
  error?: string;
}

const checkers = new Map<string, AgreementChecker>();

function runChunk(chunk: Chunk): ChunkResult {
  const t0 = performance.now();
  try {
    const pack = getBuiltinPack(chunk.packId);
    if (!pack) throw new Error(`no pack ${chunk.packId}`);
    let checker = checkers.get(pack.id);
    if (!checker) {
      checker = new AgreementChecker(pack);
      checkers.set(pack.id, checker);
    }
    const cases = fc.sample(caseArb(pack), { numRuns: chunk.runs, seed: chunk.seed });
    let disagreements = 0;
    let firstDiff: string | undefined;
    for (const c of cases) {
      const diffs = checker.check(c);
      if (diffs.length) {
        disagreements++;
        firstDiff ??= `${diffs[0]} (seed ${chunk.seed}, values ${JSON.stringify(c.values).slice(0, 300)}…)`;
      }
    }
    return { packId: pack.id, runs: cases.length, disagreements, firstDiff, ms: performance.now() - t0 };
  } catch (e) {
    const error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { packId: chunk.packId, runs: 0, disagreements: 0, ms: performance.now() - t0, error };
  }
}

parentPort?.on('message', (chunk: Chunk) => parentPort?.postMessage(runChunk(chunk)));
