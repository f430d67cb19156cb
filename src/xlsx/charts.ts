/**
 * Native charts for the CLI's workbooks. ExcelJS 4.4 writes no charts, so the chart parts (DrawingML
 * chart, the sheet's drawing, their relationships and content types) are added to the .xlsx it
 * wrote: a small, fixed template per chart type (pie; horizontal clustered bar) over cell ranges
 * of the chart's own sheet, with the cached values Excel and LibreOffice show before recalculating.
 * The output is checked by LibreOffice opening and rendering it (test/xlsx/charts.libreoffice.test.ts).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { decodeEntities } from '../io/xml';
import { absoluteAddress, parseArea, sheetRef } from '../sheet/address';
import type { CellSpec, ChartSpec, SheetSpec } from '../sheet/spec';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_CHART = `${NS_R}/chart`;
const REL_DRAWING = `${NS_R}/drawing`;
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "A5:A9" → the cell addresses, top to bottom (one column). */
function columnCells(range: string): { col: string; rows: number[] } {
  const [, col, first, col2, last] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range) ?? [];
  if (col === undefined || col !== col2)
    throw new Error(`chart range must be one column (programmer error): ${range}`);
  const rows: number[] = [];
  for (let r = Number(first); r <= Number(last); r++) rows.push(r);
  return { col, rows };
}

function absolute(sheet: string, range: string): string {
  const rect = parseArea(range);
  if (!rect) throw new Error(`chart range is not an area (programmer error): ${range}`);
  return sheetRef(sheet, absoluteAddress(rect));
}

function cache(sheet: SheetSpec, range: string, kind: 'str' | 'num'): string {
  const byAddress = new Map<string, CellSpec>(sheet.cells.map((c) => [c.address, c]));
  const { col, rows } = columnCells(range);
  const pts = rows
    .map((r, i) => {
      const v = byAddress.get(`${col}${r}`)?.value;
      if (v === undefined) return '';
      return `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`;
    })
    .join('');
  const tag = kind === 'str' ? 'strCache' : 'numCache';
  const fmt = kind === 'num' ? '<c:formatCode>General</c:formatCode>' : '';
  return `<c:${tag}>${fmt}<c:ptCount val="${rows.length}"/>${pts}</c:${tag}>`;
}

function series(sheet: SheetSpec, chart: ChartSpec, extra: string): string {
  const cat = `<c:cat><c:strRef><c:f>${esc(absolute(sheet.name, chart.categories))}</c:f>${cache(sheet, chart.categories, 'str')}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${esc(absolute(sheet.name, chart.values))}</c:f>${cache(sheet, chart.values, 'num')}</c:numRef></c:val>`;
  const labels =
    '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>' +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  return (
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${esc(chart.seriesName)}</c:v></c:tx>` +
    `${extra}${labels}${cat}${val}</c:ser>`
  );
}

/** The chart part (DrawingML chartSpace) of one chart. */
export function chartXml(sheet: SheetSpec, chart: ChartSpec): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>';
  let plot: string;
  if (chart.type === 'pie') {
    plot =
      `<c:pieChart><c:varyColors val="1"/>${series(sheet, chart, '')}<c:firstSliceAng val="0"/></c:pieChart>` +
      '';
  } else {
    const fill =
      '<c:spPr><a:solidFill><a:srgbClr val="C0504D"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>';
    plot =
      '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
      `${series(sheet, chart, fill)}<c:gapWidth val="60"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
      // categories top to bottom as in the table (reversed axis; the value axis at the bottom)
      '<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>' +
      '<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>' +
      '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="5002"/><c:crosses val="autoZero"/>' +
      '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
      '<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>' +
      '<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>' +
      '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="5001"/>' +
      '<c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>';
  }
  const legend =
    chart.type === 'pie' ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="Times New Roman"/>' +
    '</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr></c:chartSpace>'
  );
}

function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts
    .map((c, i) => {
      const { col, row, cols, rows } = c.anchor;
      const at = (cc: number, rr: number): string =>
        `<xdr:col>${cc - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${rr - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(col, row)}</xdr:from><xdr:to>${at(col + cols, row + rows)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(c.title)}"/>` +
        '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`
  );
}

const rels = (items: Array<{ id: string; type: string; target: string }>): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;

/** The text of a part ExcelJS always writes. */
function partText(files: Record<string, Uint8Array>, path: string): string {
  const bytes = files[path];
  if (!bytes) throw new Error(`the workbook has no ${path} (programmer error)`);
  return strFromU8(bytes);
}

/** Sheet name → worksheet part path, from the workbook and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = partText(files, 'xl/workbook.xml');
  const wbRels = partText(files, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const m of wbRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (name !== undefined && path) {
      out.set(decodeEntities(name), path);
    }
  }
  return out;
}

/** The elements a <drawing> must precede in a worksheet (CT_Worksheet order). */
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/** Adds the charts of `sheets` to the workbook `xlsx` (as written by ExcelJS) and returns the new bytes. */
export function addCharts(xlsx: Uint8Array, sheets: readonly SheetSpec[]): Uint8Array {
  const withCharts = sheets.filter((s) => s.charts?.length);
  if (!withCharts.length) return xlsx;
  const files: Unzipped = unzipSync(xlsx);
  const plain = files;
  const parts = sheetParts(plain);
  let types = partText(plain, '[Content_Types].xml');
  let chartNo = Object.keys(plain).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
  let drawingNo = Object.keys(plain).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length;
  for (const sheet of withCharts) {
    const path = parts.get(sheet.name);
    if (!path) throw new Error(`sheet "${sheet.name}" not found in the written workbook (programmer error)`);
    const charts = sheet.charts ?? [];
    drawingNo++;
    const drawing = `xl/drawings/drawing${drawingNo}.xml`;
    const chartRels: Array<{ id: string; type: string; target: string }> = [];
    for (const [i, c] of charts.entries()) {
      chartNo++;
      files[`xl/charts/chart${chartNo}.xml`] = strToU8(chartXml(sheet, c));
      types = types.replace(
        '</Types>',
        `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT_CHART}"/></Types>`,
      );
      chartRels.push({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${chartNo}.xml` });
    }
    files[drawing] = strToU8(drawingXml(charts));
    files[`xl/drawings/_rels/drawing${drawingNo}.xml.rels`] = strToU8(rels(chartRels));
    types = types.replace(
      '</Types>',
      `<Override PartName="/${drawing}" ContentType="${CT_DRAWING}"/></Types>`,
    );
    // the worksheet's relationship to its drawing, and the <drawing> element in its place
    const dir = path.slice(0, path.lastIndexOf('/'));
    const relsPath = `${dir}/_rels/${path.slice(dir.length + 1)}.rels`;
    const relId = 'rIdTieuChiDrawing';
    const relEntry = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/>`;
    const existingBytes = plain[relsPath];
    const existing = existingBytes ? strFromU8(existingBytes) : undefined;
    files[relsPath] = strToU8(
      existing
        ? existing.replace('</Relationships>', `${relEntry}</Relationships>`)
        : rels([{ id: relId, type: REL_DRAWING, target: `../drawings/drawing${drawingNo}.xml` }]),
    );
    let ws = partText(plain, path);
    if (!/xmlns:r="/.test(ws.slice(0, 2000))) ws = ws.replace('<worksheet ', `<worksheet xmlns:r="${NS_R}" `);
    const at = AFTER_DRAWING.exec(ws);
    if (!at) throw new Error(`worksheet ${path} has no end tag (programmer error)`);
    files[path] = strToU8(`${ws.slice(0, at.index)}<drawing r:id="${relId}"/>${ws.slice(at.index)}`);
  }
  files['[Content_Types].xml'] = strToU8(types);
  return zipSync(files, { level: 6 });
}
