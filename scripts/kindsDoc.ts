/** `npm run docs:kinds`: rewrites the requirement-kinds table of docs/packs.md from src/kinds. */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { withKindsDoc } from '../src/pack/kindsDoc';

const file = join(__dirname, '..', 'docs', 'packs.md');
const before = readFileSync(file, 'utf8');
const after = withKindsDoc(before);
if (after !== before) writeFileSync(file, after);
console.log(
  after === before ? 'docs/packs.md: the kinds table is up to date' : 'docs/packs.md: kinds table rewritten',
);
