import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from './validateManifest';

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('validates against the official add-in manifest XSDs', async () => {
    const check = await validateManifest(manifest);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
  });

  it('a broken copy fails with a message naming the problem', async () => {
    const broken = manifest.replace(
      '<Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>ReadWriteEverything</Permissions>',
    );
    expect(broken).not.toBe(manifest);
    const check = await validateManifest(broken, 'broken-manifest.xml');
    expect(check.valid).toBe(false);
    expect(check.errors.join('\n')).toMatch(/Permissions/);
  });

  it('a copy without <Id> fails', async () => {
    const check = await validateManifest(manifest.replace(/<Id>[^<]*<\/Id>/, ''), 'no-id.xml');
    expect(check.valid).toBe(false);
    expect(check.errors.length).toBeGreaterThan(0);
  });

  it('asks for ReadWriteDocument and nothing more, HTTPS URLs only', () => {
    expect(manifest.match(/<Permissions>([^<]*)<\/Permissions>/)?.[1]).toBe('ReadWriteDocument');
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it('targets the Workbook host with a low ExcelApi requirement and Vietnamese by default', () => {
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.1"\/>/);
    expect(manifest).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(manifest).toContain('Locale="en-US"');
  });

  it('has the Home tab group with Bảng tiêu chí (pane) and Đánh giá (danhGia function)', () => {
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toMatch(/id="TieuChi\.Group\.Label" DefaultValue="Tiêu chí"/);
    expect(manifest).toMatch(/id="TaskpaneButton\.Label" DefaultValue="Bảng tiêu chí"/);
    expect(manifest).toMatch(/id="EvaluateButton\.Label" DefaultValue="Đánh giá"/);
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
    expect(manifest).toContain('<FunctionName>danhGia</FunctionName>');
    expect(manifest).toContain('https://localhost:3000/commands.html');
  });

  it('every icon the manifest names exists as a PNG of the declared size', () => {
    const icons = [...manifest.matchAll(/\/assets\/(icon-(\d+)\.png)/g)];
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const [, file = '', size] of icons) {
      const path = join(ROOT, 'assets', file);
      expect(existsSync(path)).toBe(true);
      const png = readFileSync(path);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size));
      expect(png.readUInt32BE(20)).toBe(Number(size));
    }
  });
});
