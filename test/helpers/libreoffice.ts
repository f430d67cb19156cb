/** LibreOffice headless for tests: a fresh profile that always recalculates on load. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Fresh LibreOffice profile that always recalculates OOXML files on load. */
export function makeProfile(dir: string): string {
  const user = join(dir, 'user');
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

/** The arguments of `soffice --headless --convert-to <format> --outdir <outDir> files…` with `profile`. */
export function sofficeArgs(
  profile: string,
  format: string,
  outDir: string,
  files: readonly string[],
): string[] {
  return [
    `-env:UserInstallation=${profile}`,
    '--headless',
    '--norestore',
    '--convert-to',
    format,
    '--outdir',
    outDir,
    ...files,
  ];
}

/**
 * `soffice --headless --convert-to <format> --outdir <outDir> files…` with a private profile that
 * always recalculates (other processes may be running soffice at the same time); the profile is
 * removed afterwards. The time limit is for hang detection only.
 */
export function sofficeConvert(format: string, outDir: string, files: readonly string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-lo-'));
  try {
    execFileSync('soffice', sofficeArgs(makeProfile(dir), format, outDir, files), {
      stdio: 'pipe',
      timeout: 110_000,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
