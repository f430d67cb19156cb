/**
 * The parts every administrative document of Nghị định 30/2020/NĐ-CP shares: the header (chủ quản
 * and issuing body left with a short rule, Quốc hiệu and Tiêu ngữ right with the rule under the
 * Tiêu ngữ; "Số: …/TTr-UBND" left and the place-and-date line right), the title with the trích yếu,
 * and the closing block (Nơi nhận left, the signer's capacity, title and name right). Pure.
 */
import { BLANK, type Issuer } from './context';
import { p, type Cell, type Para, type Table } from './model';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** Header columns (mm): issuer block, Quốc hiệu block. */
export const HEADER_COLUMNS = [68, 97];
/** Closing columns (mm): Nơi nhận, signature. */
export const CLOSING_COLUMNS = [80, 85];

/** "Phường 1, ngày … tháng … năm …": the date is written by hand when the document is signed. */
export function dateLine(place: string): string {
  return `${place}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
}

/** "Số: …/TTr-UBND" */
export function numberLine(kind: string, code: string): string {
  return `Số: ${BLANK}/${kind}-${code}`;
}

const center = (text: string, opts: Partial<Omit<Para, 'kind'>> = {}): Para => ({
  kind: 'p',
  runs: [{ text }],
  align: 'center',
  after: 0,
  ...opts,
});

export function headerTable(issuer: Issuer, kind: string, place: string): Table {
  const left: Para[] = [
    ...issuer.parent.map((t) => center(t, { size: 13 })),
    ...issuer.lines.map((t, i) =>
      center(t, {
        size: 13,
        runs: [{ text: t, bold: true }],
        rule: i === issuer.lines.length - 1 ? 0.35 : undefined,
      }),
    ),
  ];
  const right: Para[] = [
    center(QUOC_HIEU, { size: 12, runs: [{ text: QUOC_HIEU, bold: true }] }),
    center(TIEU_NGU, { size: 13, runs: [{ text: TIEU_NGU, bold: true }], rule: 0.6 }),
  ];
  const second: Cell[] = [
    { paras: [center(numberLine(kind, issuer.code), { size: 13, before: 6 })] },
    {
      paras: [
        center(dateLine(place), { size: 14, before: 6, runs: [{ text: dateLine(place), italic: true }] }),
      ],
    },
  ];
  return {
    kind: 'table',
    columns: HEADER_COLUMNS,
    borders: false,
    rows: [[{ paras: left }, { paras: right }], second],
  };
}

/** Tên loại văn bản and trích yếu, centred and bold, with the short rule under the trích yếu. */
export function titleBlock(name: string, subject: string): Para[] {
  return [
    center(name, { runs: [{ text: name, bold: true }], before: 18, keepNext: true }),
    center(subject, { runs: [{ text: subject, bold: true }], rule: 0.25, after: 12, keepNext: true }),
  ];
}

/** "Kính gửi: …" (one addressee, centred as ND 30 shows it). */
export function addresseeLine(receiver: string): Para {
  return center(`Kính gửi: ${receiver}.`, { after: 12 });
}

/** Nơi nhận (may be empty) left; the signer's capacity, title, room for the signature and "…" right. */
export function closingTable(recipients: readonly string[], signerLines: readonly string[]): Table {
  const left: Para[] = recipients.length
    ? [
        p([{ text: 'Nơi nhận:', bold: true, italic: true }], { size: 12, before: 6, after: 0 }),
        ...recipients.map((r) => p(r, { size: 11, after: 0 })),
      ]
    : [p('', { size: 11 })];
  const right = signatureBlock(
    signerLines.filter((l) => l.trim()),
    6,
  );
  return {
    kind: 'table',
    columns: CLOSING_COLUMNS,
    borders: false,
    rows: [[{ paras: left }, { paras: right }]],
  };
}

/**
 * A signer's block: the titles in bold (the first `before` points below what is above), room for
 * the signature and the seal, then the signer's name, written by hand on the printed page.
 */
function signatureBlock(titles: readonly string[], before: number): Para[] {
  return [
    ...titles.map((t, i) => center(t, { runs: [{ text: t, bold: true }], before: i === 0 ? before : 0 })),
    ...[1, 2, 3, 4].map(() => center('')),
    center(BLANK, { runs: [{ text: BLANK, bold: true }] }),
  ];
}

/** Two signers side by side (biên bản: THƯ KÝ, CHỦ TRÌ). */
export function twoSignersTable(leftTitle: string, rightTitle: string): Table {
  const block = (title: string): Cell => ({ paras: signatureBlock([title], 0) });
  return {
    kind: 'table',
    columns: CLOSING_COLUMNS,
    borders: false,
    rows: [[block(leftTitle), block(rightTitle)]],
  };
}
