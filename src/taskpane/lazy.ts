/** Lazily loaded chunks of the pane, each imported once. */
type ScoringModule = typeof import('./scoring');
type UpwardModule = typeof import('./upward');

let scoring: Promise<ScoringModule> | undefined;
let upward: Promise<UpwardModule> | undefined;

export function loadScoring(): Promise<ScoringModule> {
  if (!scoring) {
    scoring = import(/* webpackChunkName: "scoring" */ './scoring');
    // a failed chunk load (network) may be retried later
    scoring.catch(() => {
      scoring = undefined;
    });
  }
  return scoring;
}

/** The file readers and consolidation (only when the user picks files). */
export function loadUpward(): Promise<UpwardModule> {
  if (!upward) {
    upward = import(/* webpackChunkName: "upward" */ './upward');
    upward.catch(() => {
      upward = undefined;
    });
  }
  return upward;
}

type DossierFilesModule = typeof import('./dossierFiles');
let dossierFiles: Promise<DossierFilesModule> | undefined;

/** The .docx writer for Hồ sơ's Word files (only when the user asks for them). */
export function loadDossierFiles(): Promise<DossierFilesModule> {
  if (!dossierFiles) {
    dossierFiles = import(/* webpackChunkName: "dossier-files" */ './dossierFiles');
    dossierFiles.catch(() => {
      dossierFiles = undefined;
    });
  }
  return dossierFiles;
}
