/** Errors of the add-in's Excel layer that carry a message for the user (small: the pane's first load imports it). */

/** An error with a message for the user (Vietnamese): shown as it is, not logged as a fault. */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostError';
  }
}
