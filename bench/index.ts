/**
 * Benchmarks (`npm run bench`): prints numbers, asserts nothing. Every section skips with a message
 * when something it needs is missing, so the bench always runs to the end.
 *
 *   engine     evaluate() per pack on the sample answers — goal < 0.1 ms median
 *   agreement  engine vs generated formulas in HyperFormula on random answers — goal ≥ 10 000 runs,
 *              0 disagreements (BENCH_AGREEMENT_RUNS, default 10000 split over the packs; BENCH_SEED)
 *   reader     CPU per workbook of our reader vs the zlib floor vs SheetJS, interleaved (bench/reader.ts)
 *              — goal ≤ 1,5× floor
 *   cli        `node bin/tieuchi.js check WORKBOOK` as a child process vs `node -e 0`, interleaved
 *              — goal ≤ 2× (wall); the children's CPU ratio is printed too (Linux)
 *   consolidate  N = 500, 2 000, 10 000 unit workbooks through `tieuchi consolidate`
 *              (bench/consolidate.ts): wall, CPU, peak RSS, ratio to the floor — goal ≤ 2×, ≤ 300 MB
 *   firstload  first-load gzip of the pane (≤ 140 KB) and the ribbon page (≤ 50 KB), no zod
 *   text       wrap()/table() of the CLI on 1 MB vs 2 MB values — goal ≤ 3× (linear, not quadratic)
 * BENCH_ONLY=engine,text,reader,cli,consolidate,firstload,sync,agreement runs a subset. Ratios, not
 * absolute times, are the results: the machine may be shared and loaded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
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
  const at = (q: number): number =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), min: s[0] ?? NaN };
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

/** wrap() and table() on 1 MB and 2 MB values: linear code takes about twice as long on twice the text. */
async function benchText(): Promise<void> {
  note('text: wrap/table of 1 MB and 2 MB values …');
  const { table, wrap } = await import('../src/cli/text');
  const time = (mb: number): number => {
    const text = 'ngắn dài '.repeat(120_000 * mb) + 'x'.repeat(100_000 * mb);
    const t0 = process.hrtime.bigint();
    wrap(text, 80);
    table(['Đơn vị', 'Tệp'], [[text, text]], 100);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  time(1); // warm-up
  const one = stats([time(1), time(1), time(1)]).median;
  const two = stats([time(2), time(2), time(2)]).median;
  const ratio = two / one;
  lines.push({
    measure: 'text: wrap + table, 2 MB / 1 MB',
    goal: '≤ 3× (linear)',
    result: `${fmt(ratio, 2)}× (${fmt(one, 0)} ms / ${fmt(two, 0)} ms)`,
    ok: ratio <= 3,
  });
}

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
  const [firstError] = errors;
  if (firstError) note(`  ! ${errors.length} chunk(s) failed: ${firstError.error}`);
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

/** CPU ms of the children waited for so far (Linux: /proc/self/stat cutime + cstime); 0 elsewhere. */
function childCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is the state (field 3); cutime and cstime are fields 16 and 17, in clock ticks
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks();
  } catch {
    return 0;
  }
}

let ticks: number | undefined;
function clockTicks(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}

async function benchCli(): Promise<void> {
  const goal = '≤ 2× node -e 0';
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    skip('tieuchi check (child process)', goal, 'dist/cli.js is missing — run npm run build:cli');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-bench-'));
  try {
    note('cli: `tieuchi check` against `node -e 0` …');
    const demo = spawnSync(process.execPath, [BIN, 'demo', '--out', dir], { encoding: 'utf8' });
    const xa = join(dir, 'tieu-chi-xa-mau.xlsx');
    const books = [xa, join(dir, 'tieu-chi-coquan-mau.xlsx')];
    if (demo.status !== 0 || !books.every((b) => existsSync(b))) {
      const why = (demo.stderr || demo.stdout || '').trim().split('\n')[0] || `exit ${demo.status}`;
      skip('tieuchi check (child process)', goal, `tieuchi demo failed: ${why}`);
      return;
    }
    // interleaved A/B: `node -e 0` and each check in turn, so machine load hits them alike
    const cases = [
      ['tieuchi check xa.xlsx', [BIN, 'check', xa]],
      ['tieuchi check xa.xlsx --json', [BIN, 'check', xa, '--json']],
      ['tieuchi check xa.json', [BIN, 'check', join(dir, 'tieu-chi-xa-mau.json')]],
    ] as const;
    const baseline: number[] = [];
    const runs = cases.map(([label, args]) => ({
      label,
      args,
      times: [] as number[],
      status: null as number | null,
      cpu: 0,
    }));
    // CPU of the children too (every thread of each), where the system tells it: wall time on a
    // loaded machine counts the waits for a core as well
    let baseCpu = 0;
    for (let i = 0; i < 11; i++) {
      let t = performance.now();
      let c = childCpuMs();
      execFileSync(process.execPath, ['-e', '0']);
      if (i > 0) baseline.push(performance.now() - t);
      if (i > 0) baseCpu += childCpuMs() - c;
      for (const run of runs) {
        t = performance.now();
        c = childCpuMs();
        const r = spawnSync(process.execPath, run.args, { encoding: 'utf8' });
        if (i > 0) run.times.push(performance.now() - t);
        if (i > 0) run.cpu += childCpuMs() - c;
        run.status = r.status;
      }
    }
    const node = stats(baseline).median;
    nodeStartMs = node;
    const cpuNote = (cpu: number): string =>
      baseCpu > 0 ? `; CPU ${fmt(cpu / baseCpu, 2)}× node -e 0's (${fmt(cpu / 10, 0)} ms)` : '';
    for (const { label, times, status, cpu } of runs) {
      const s = stats(times);
      lines.push({
        measure: `${label} (child process)`,
        goal: '≤ 2× node -e 0',
        result: `${fmt(s.median / node, 2)}× node -e 0 (median ${fmt(s.median, 0)} ms, p95 ${fmt(s.p95, 0)} ms; exit ${status}; 10 runs${cpuNote(cpu)})`,
        ok: s.median <= 2 * node && status !== 2,
      });
    }
    lines.push({
      measure: 'node -e 0 (start-up baseline)',
      goal: 'informative',
      result: `median ${fmt(node, 0)} ms`,
    });
  } catch (e) {
    skip('tieuchi check', goal, e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

/** Node start-up (`node -e 0`) and the floor reader's CPU per file, measured in this run. */
let nodeStartMs: number | undefined;
let floorMsPerFile: number | undefined;

async function benchReaderSection(): Promise<void> {
  const { benchWorkbooks } = await import('./consolidate');
  const { benchReaders } = await import('./reader');
  const dir = await benchWorkbooks(note);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('-0.xlsx'))
    .sort()
    .map((f) => join(dir, f));
  const rounds = Number(process.env.BENCH_READER_ROUNDS ?? '') || 3;
  note(`reader: ${files.length} workbooks × ${rounds} rounds, floor / ours / SheetJS interleaved …`);
  const r = await benchReaders(files, rounds);
  floorMsPerFile = r.floorMs;
  lines.push({
    measure: 'reader vs zlib floor (CPU per workbook, worker path)',
    goal: '≤ 1,5× floor',
    result: `${fmt(r.oursMs / r.floorMs, 2)}× floor (ours ${fmt(r.oursMs, 2)} ms, floor ${fmt(r.floorMs, 2)} ms; ${r.files} files × ${r.rounds})`,
    ok: r.oursMs <= 1.5 * r.floorMs,
  });
  lines.push({
    measure: 'the least the kept checks cost (floor + CRC-32 + finding forbidden bytes and every <)',
    goal: 'informative',
    result: `${fmt(r.checksMs / r.floorMs, 2)}× floor (${fmt(r.checksMs, 2)} ms): the lower bound of a JavaScript reader that keeps the checks`,
  });
  lines.push({
    measure: 'reader, parser alone (readFileSync bytes) vs floor',
    goal: 'informative',
    result: `${fmt(r.oursSyncMs / r.floorMs, 2)}× floor (${fmt(r.oursSyncMs, 2)} ms); the safe blocking open costs ${fmt(r.oursMs - r.oursSyncMs, 2)} ms`,
  });
  lines.push({
    measure: 'reader, promised (async) open as on the CLI main thread',
    goal: 'informative',
    result: `${fmt(r.oursAsyncMs / r.floorMs, 2)}× floor (${fmt(r.oursAsyncMs, 2)} ms)`,
  });
  lines.push({
    measure: 'reader vs SheetJS (xlsx, leanest options)',
    goal: 'informative',
    result:
      r.sheetjsMs === undefined
        ? 'skipped: xlsx (SheetJS) not installed'
        : `SheetJS ${fmt(r.sheetjsMs, 2)} ms = ${fmt(r.sheetjsMs / r.oursMs, 2)}× ours, ${fmt(r.sheetjsMs / r.floorMs, 2)}× floor`,
  });
}

async function benchConsolidateSection(): Promise<void> {
  const { benchConsolidate, benchWorkbooks } = await import('./consolidate');
  if (floorMsPerFile === undefined) {
    // the reader section did not run: measure the floor alone on the distinct workbooks
    const { benchReaders } = await import('./reader');
    const dir = await benchWorkbooks(note);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('-0.xlsx'))
      .map((f) => join(dir, f));
    floorMsPerFile = (await benchReaders(files, 1)).floorMs;
  }
  if (nodeStartMs === undefined) {
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      execFileSync(process.execPath, ['-e', '0']);
      t.push(performance.now() - t0);
    }
    nodeStartMs = stats(t).median;
  }
  lines.push(...(await benchConsolidate(floorMsPerFile, nodeStartMs, note)));
}

/** First-load gzip of the pane and of the ribbon (commands) page, from the production build. */
async function benchFirstLoad(): Promise<void> {
  note('first load: production build of the add-in (reused when the sources are unchanged) …');
  const { ensureBuild } = await import('../test/browser/build');
  const dist = await ensureBuild();
  for (const [page, goal, budget] of [
    ['taskpane.html', '≤ 140 KB gzip', 140],
    ['commands.html', '≤ 50 KB gzip', 50],
  ] as const) {
    const html = readFileSync(join(dist, page), 'utf8');
    // data-main is quoted only when it lists several bundles (the page is minified)
    const boot = /<script id="?tc-boot"? src="?([^"\s>]+)"? data-main=(?:"([^"]*)"|([^"\s>]+))/.exec(html);
    const scripts = (
      boot
        ? [boot[1], ...(boot[2] ?? boot[3] ?? '').split(' ')]
        : [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1])
    ).filter((s): s is string => Boolean(s) && !s?.startsWith('http'));
    const code = scripts.map((s) => readFileSync(join(dist, s)));
    const kb = code.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0) / 1024;
    const zod = code.some((c) => c.includes('ZodError'));
    lines.push({
      measure: `first load ${page} (own scripts)`,
      goal: `${goal}, no zod`,
      result: `${fmt(kb, 1)} KB gzip in ${scripts.length} script(s)${zod ? ', zod included' : ', no zod'}`,
      ok: kb <= budget && !zod,
    });
  }
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
  const widths = [
    Math.max(0, ...lines.map((l) => l.measure.length)),
    Math.max(0, ...lines.map((l) => l.goal.length)),
  ] as const;
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
    ['text', benchText],
    ['reader', benchReaderSection],
    ['cli', benchCli],
    ['consolidate', benchConsolidateSection],
    ['firstload', benchFirstLoad],
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
