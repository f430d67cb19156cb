/** `tieuchi packs` and choosing a pack by id or by file. */
import { builtinPacks, getBuiltinPack } from '../pack/registry';
import type { Pack } from '../pack/schema';
import { optFlag, type Parsed } from './args';
import { CliFailure, EXIT_OK, type Ctx } from './context';
import { table } from './text';
import { readUserJson, validOrFail, type FileCheck } from './userFiles';

export function criteriaCount(pack: Pack): number {
  return pack.groups.reduce((n, g) => n + g.criteria.length, 0);
}

export function knownPackIds(): string {
  return builtinPacks()
    .map((p) => p.id)
    .join(', ');
}

/** A pack argument is a file when it ends with .json or contains a path separator. */
export function isPackFile(ref: string): boolean {
  return /\.json$/i.test(ref) || /[\\/]/.test(ref);
}

/** Reads and validates a pack file; an unreadable file → CliFailure (exit 2, one line). */
export async function checkPackFile(path: string): Promise<FileCheck<Pack>> {
  const data = await readUserJson(path);
  const { validatePack } = await import('../pack/validate'); // zod, only for a user's file
  const r = validatePack(data);
  return r.ok ? { ok: true, value: r.pack } : r;
}

/** Loads a user pack file; unreadable or invalid → CliFailure (exit 2) listing every problem. */
export async function packFromFile(path: string, ctx: Ctx): Promise<Pack> {
  return validOrFail(await checkPackFile(path), path, ctx);
}

export async function resolvePack(ref: string, ctx: Ctx): Promise<Pack> {
  if (isPackFile(ref)) return packFromFile(ref, ctx);
  const pack = getBuiltinPack(ref);
  if (!pack) throw new CliFailure(ctx.m.unknownPack(ref, knownPackIds()));
  return pack;
}

export function runPacks(args: Parsed, ctx: Ctx): number {
  const packs = builtinPacks();
  if (optFlag(args, 'json')) {
    const list = packs.map((p) => ({
      id: p.id,
      version: p.version,
      title: p.title,
      shortTitle: p.shortTitle,
      criteria: criteriaCount(p),
      legalBasis: p.legalBasis,
    }));
    ctx.out(JSON.stringify(list, null, 2) + '\n');
    return EXIT_OK;
  }
  const rows = packs.map((p) => [p.id, p.version, String(criteriaCount(p)), p.title]);
  ctx.out(table(ctx.m.packsHeader, rows, 110) + '\n');
  return EXIT_OK;
}
