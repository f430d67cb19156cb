/**
 * Benchmarks (`npm run bench`): prints numbers, asserts nothing. Every section skips with a message
 * when something it needs is missing, so the bench always runs to the end.
 *
 *   engine     evaluate() per pack on the sample answers — goal < 0.1 ms median
 *   agreement  engine vs generated formulas in HyperFormula on random answers — goal ≥ 10 000 runs,
 *              0 disagreements (BENCH_AGREEMENT_RUNS, default 10000 split over the packs; BENCH_SEED)
 *   cli        `node bin/tieuchi.js check WORKBOOK` as a child process — goal < 1 s incl. Node start-up
 *   xlsx       reading each sample workbook through the defined names (src/io/xlsx.ts)
 *   consolidate  500 unit workbooks through `tieuchi consolidate` (bench/consolidate.ts)
 * BENCH_ONLY=engine,cli,consolidate,agreement runs a subset.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Chunk, ChunkResult } from './agreementWorker';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'tieuchi.js');

interface Line {
  measure: string;
  goal: string;
  result: string;
  /** true = goal met, false = missed, undefined = informative / skipped */
  ok?: boolean;
}

const lines: Line[] = [];
const fmt = (n: number, digits = 3): string => n.toFixed(digits).replace('.', ',');

function stats(samples: number[]): { median: number; p95: number; min: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { median: at(0.5), p95: at(0.95), min: s[0] };
}

function note(msg: string): void {
  process.stdout.write(msg + '\n');
}

function skip(measure: string, goal: string, why: unknown): void {
  const reason = why instanceof Error ? why.message.split('\n')[0] : String(why);
  lines.push({ measure, goal, result: `skipped: ${reason}` });
  note(`  ! ${measure}: skipped (${reason})`);
}

// ---------------------------------------------------------------------------------------------

async function benchEngine(): Promise<void> {
  note('engine: evaluate() per pack …');
  const { evaluate } = await import('../src/engine/evaluate');
  const { getBuiltinPack } = await import('../src/pack/registry');
  const { answersToValues, parseAnswers } = await import('../src/io/answers');
  const samples = { xa: await import('../samples/xa.json'), coquan: await import('../samples/coquan.json') };
  for (const [id, mod] of Object.entries(samples)) {
    const pack = getBuiltinPack(id);
    if (!pack) {
      skip(`engine evaluate ${id}`, '< 0,1 ms median', `no built-in pack ${id}`);
      continue;
    }
    const data: unknown = 'default' in mod ? mod.default : mod;
    const { values } = answersToValues(parseAnswers(data, `samples/${id}.json`), pack);
    const today = 46000;
    for (let i = 0; i < 3000; i++) evaluate(pack, values, { today });
    const times: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const t = process.hrtime.bigint();
      evaluate(pack, values, { today });
      times.push(Number(process.hrtime.bigint() - t) / 1000);
    }
    const s = stats(times);
    lines.push({
      measure: `engine evaluate ${id} (${pack.groups.reduce((n, g) => n + g.criteria.length, 0)} TC)`,
      goal: '< 0,1 ms median',
      result: `median ${fmt(s.median / 1000)} ms, p95 ${fmt(s.p95 / 1000)} ms (20 000 runs)`,
      ok: s.median < 100,
    });
  }
}

// ---------------------------------------------------------------------------------------------

async function benchAgreement(): Promise<void> {
  const total = Math.max(0, Number(process.env.BENCH_AGREEMENT_RUNS ?? '') || 10000);
  const seed = Number(process.env.BENCH_SEED ?? '') || 9745;
  const goal = '≥ 10 000 runs, 0 disagreements';
  for (const f of ['test/helpers/agreement.ts', 'test/helpers/hf.ts', 'test/helpers/cases.ts']) {
    if (!existsSync(join(ROOT, f))) return skip('agreement engine vs formulas', goal, `${f} is missing`);
  }
  const packs = ['xa', 'coquan'];
  const chunkSize = 250;
  const chunks: Chunk[] = [];
  for (const packId of packs) {
    let left = Math.ceil(total / packs.length);
    while (left > 0) {
      const runs = Math.min(chunkSize, left);
      chunks.push({ packId, runs, seed: seed + chunks.length });
      left -= runs;
    }
  }
  const threads = Math.max(1, Math.min(availableParallelism(), 4, chunks.length));
  note(`agreement: ${total} random answer sets over ${packs.join(', ')} in ${threads} worker thread(s) …`);
  const register = join(ROOT, 'scripts', 'register-ts.js');
  const entry = join(__dirname, 'agreementWorker.ts');
  const code = `require(${JSON.stringify(register)}); require(${JSON.stringify(entry)});`;
  const results: ChunkResult[] = [];
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((done, fail) => {
          const w = new Worker(code, { eval: true });
          const feed = (): void => {
            if (next >= chunks.length) {
              void w.terminate().then(() => done());
              return;
            }
            w.postMessage(chunks[next++]);
          };
          w.on('message', (r: ChunkResult) => {
            results.push(r);
            const runs = results.reduce((n, x) => n + x.runs, 0);
            if (results.length % 8 === 0) note(`  … ${runs} runs`);
            feed();
          });
          w.on('error', fail);
          feed();
        }),
    ),
  );
  const secs = (performance.now() - t0) / 1000;
  const errors = results.filter((r) => r.error);
  if (errors.length) note(`  ! ${errors.length} chunk(s) failed: ${errors[0].error}`);
  for (const packId of packs) {
    const mine = results.filter((r) => r.packId === packId);
    const runs = mine.reduce((n, r) => n + r.runs, 0);
    const dis = mine.reduce((n, r) => n + r.disagreements, 0);
    const ms = mine.reduce((n, r) => n + r.ms, 0);
    const first = mine.find((r) => r.firstDiff)?.firstDiff;
    if (first) note(`  ! ${packId}: first disagreement: ${first}`);
    lines.push({
      measure: `agreement ${packId}`,
      goal: '0 disagreements',
      result: `${runs} runs, ${dis} disagreements (${fmt(runs ? ms / runs : 0, 1)} ms/run)`,
      ok: runs > 0 && dis === 0,
    });
  }
  const runs = results.reduce((n, r) => n + r.runs, 0);
  const dis = results.reduce((n, r) => n + r.disagreements, 0);
  lines.push({
    measure: 'agreement total',
    goal,
    result: `${runs} runs, ${dis} disagreements in ${fmt(secs, 1)} s (seed ${seed})`,
    ok: runs >= 10000 && dis === 0,
  });
}

// ---------------------------------------------------------------------------------------------

async function benchCliAndXlsx(): Promise<void> {
  const goal = '< 1 s median incl. Node start-up';
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    skip('tieuchi check (child process)', goal, 'dist/cli.js is missing — run npm run build:cli');
    skip('xlsx read', 'informative', 'no sample workbooks');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-bench-'));
  try {
    note('cli: writing sample workbooks with `tieuchi demo` …');
    const demo = spawnSync(process.execPath, [BIN, 'demo', '--out', dir], { encoding: 'utf8' });
    const books = ['xa', 'coquan'].map((id) => join(dir, `tieu-chi-${id}-mau.xlsx`));
    if (demo.status !== 0 || !books.every((b) => existsSync(b))) {
      const why = (demo.stderr || demo.stdout || '').trim().split('\n')[0] || `exit ${demo.status}`;
      skip('tieuchi check (child process)', goal, `tieuchi demo failed: ${why}`);
      skip('xlsx read', 'informative', 'no sample workbooks');
      return;
    }
    const baseline: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      execFileSync(process.execPath, ['-e', '0']);
      baseline.push(performance.now() - t);
    }
    for (const [label, file, args] of [
      ['tieuchi check xa.xlsx', books[0], []],
      ['tieuchi check xa.xlsx --json', books[0], ['--json']],
      ['tieuchi check xa.json', join(dir, 'tieu-chi-xa-mau.json'), []],
    ] as const) {
      const times: number[] = [];
      let status: number | null = null;
      for (let i = 0; i < 11; i++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, [BIN, 'check', file, ...args], { encoding: 'utf8' });
        if (i > 0) times.push(performance.now() - t);
        status = r.status;
      }
      const s = stats(times);
      lines.push({
        measure: `${label} (child process)`,
        goal,
        result: `median ${fmt(s.median, 0)} ms, p95 ${fmt(s.p95, 0)} ms (exit ${status}; 10 runs)`,
        ok: s.median < 1000 && status !== 2,
      });
    }
    lines.push({
      measure: 'node -e 0 (start-up baseline)',
      goal: 'informative',
      result: `median ${fmt(stats(baseline).median, 0)} ms`,
    });

    const { readWorkbookFile } = await import('../src/io/files');
    for (const book of books) {
      for (let i = 0; i < 5; i++) await readWorkbookFile(book);
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const t = performance.now();
        await readWorkbookFile(book);
        times.push(performance.now() - t);
      }
      const s = stats(times);
      const name = book.slice(dir.length + 1);
      lines.push({
        measure: `xlsx read ${name}`,
        goal: 'informative',
        result: `median ${fmt(s.median, 2)} ms, p95 ${fmt(s.p95, 2)} ms (50 runs)`,
      });
    }
  } catch (e) {
    skip('tieuchi check / xlsx read', goal, e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function benchConsolidateSection(): Promise<void> {
  if (!existsSync(join(__dirname, 'consolidate.ts'))) {
    return skip('consolidate', 'see bench/consolidate.ts', 'bench/consolidate.ts is missing');
  }
  const { benchConsolidate } = await import('./consolidate');
  lines.push(...(await benchConsolidate(note)));
}

// ---------------------------------------------------------------------------------------------

/** Office.js round trips per add-in operation, counted on the fake host (budgets from issues 3 and 4). */
async function benchSyncBudget(): Promise<void> {
  note('excel: context.sync() per operation on the fake host …');
  const { measureSyncBudget, SYNC_LIMITS } = await import('../test/excel/syncBudget');
  for (const packId of ['xa', 'coquan']) {
    const b = await measureSyncBudget(packId);
    const ops: Array<[string, number, number]> = [
      ['insert', b.insert, SYNC_LIMITS.insert],
      ['refresh', b.refresh, SYNC_LIMITS.refresh],
      ['Đánh giá', b.evaluate, SYNC_LIMITS.evaluate],
      ['Hồ sơ', b.dossier, SYNC_LIMITS.dossier],
      ['Số liệu năm trước', b.prior, SYNC_LIMITS.prior],
    ];
    for (const [op, n, limit] of ops) {
      lines.push({
        measure: `syncs ${op} ${packId} (${b.criteria} TC, ${b.inputs} ô nhập)`,
        goal: `≤ ${limit}`,
        result: `${n} sync`,
        ok: n <= limit,
      });
    }
    lines.push({
      measure: `syncs Tổng hợp ${packId} (trang tổng hợp ${b.summaryUnits} đơn vị)`,
      goal: `≤ ${SYNC_LIMITS.summary}`,
      result: `${b.summary} sync`,
      ok: b.summary <= SYNC_LIMITS.summary,
    });
  }
}

// ---------------------------------------------------------------------------------------------

function printTable(): void {
  const widths = [0, 0];
  for (const l of lines) {
    widths[0] = Math.max(widths[0], l.measure.length);
    widths[1] = Math.max(widths[1], l.goal.length);
  }
  const mark = (ok: boolean | undefined): string => (ok === undefined ? ' ' : ok ? '✓' : '✗');
  note('');
  note(`  ${'measure'.padEnd(widths[0])}  ${'goal'.padEnd(widths[1])}  result`);
  note(`  ${'─'.repeat(widths[0])}  ${'─'.repeat(widths[1])}  ${'─'.repeat(30)}`);
  for (const l of lines)
    note(`${mark(l.ok)} ${l.measure.padEnd(widths[0])}  ${l.goal.padEnd(widths[1])}  ${l.result}`);
  note('');
  note(`Node ${process.version}, ${availableParallelism()} CPU(s), ${process.platform}/${process.arch}`);
}

async function main(): Promise<void> {
  const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
  const want = (s: string): boolean => only.length === 0 || only.includes(s);
  const sections: Array<[string, () => Promise<void>]> = [
    ['engine', benchEngine],
    ['cli', benchCliAndXlsx],
    ['consolidate', benchConsolidateSection],
    ['sync', benchSyncBudget],
    ['agreement', benchAgreement],
  ];
  for (const [name, run] of sections) {
    if (!want(name)) continue;
    try {
      await run();
    } catch (e) {
      skip(name, '—', e);
    }
  }
  printTable();
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
