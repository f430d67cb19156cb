/** Lazily loaded chunks of the pane, each imported once (a failed load, e.g. the network, is retried later). */

/** `load` called at the first use only; a rejected load is forgotten so the next use tries again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      const started = load();
      loading = started;
      started.catch(() => {
        if (loading === started) loading = undefined;
      });
    }
    return loading;
  };
}

/** The engine, the built-in packs and plans, zod validation of picked files. */
export const loadScoring = once(() => import(/* webpackChunkName: "scoring" */ './scoring'));

/** The file readers and consolidation (only when the user picks files). */
export const loadUpward = once(() => import(/* webpackChunkName: "upward" */ './upward'));

/** The .docx writer for Hồ sơ's Word files (only when the user asks for them). */
export const loadDossierFiles = once(() => import(/* webpackChunkName: "dossier-files" */ './dossierFiles'));
