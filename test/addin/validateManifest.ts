/** Offline validation of an add-in XML manifest against the official XSDs (xmllint-wasm). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = join(__dirname, '..', '..', 'schemas', 'office-addin-manifest');
const MAIN = 'OfficeAppManifestV1_1.xsd';
const DEPENDENCIES = [
  'OfficeAppBasicTypesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
];

export interface ManifestCheck {
  valid: boolean;
  errors: string[];
}

export async function validateManifest(xml: string, fileName = 'manifest.xml'): Promise<ManifestCheck> {
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [{ fileName: MAIN, contents: readFileSync(join(SCHEMAS, MAIN), 'utf8') }],
    preload: DEPENDENCIES.map((f) => ({ fileName: f, contents: readFileSync(join(SCHEMAS, f), 'utf8') })),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
