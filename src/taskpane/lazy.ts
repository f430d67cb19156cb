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
