import { createContext, useContext } from 'react';
import type { ExcelHost } from '../excel/host';
import { translator, type Lang, type Translate } from '../i18n';

export interface PaneContext {
  host: ExcelHost;
  lang: Lang;
  t: Translate;
}

const Ctx = createContext<PaneContext | undefined>(undefined);
export const PaneProvider = Ctx.Provider;

export function usePane(): PaneContext {
  const v = useContext(Ctx);
  if (!v) throw new Error('PaneProvider missing');
  return v;
}

export function makePaneContext(host: ExcelHost, lang: Lang): PaneContext {
  return { host, lang, t: translator(lang) };
}
