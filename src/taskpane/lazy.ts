/** Lazily loaded chunks of the pane, each imported once. */
type ScoringModule = typeof import('./scoring');

let scoring: Promise<ScoringModule> | undefined;

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
