/**
 * A clock tests can stop or move: token expiry, quota windows and the dates of new messages
 * all read it, so a test can jump an hour ahead instead of waiting one.
 */
export class Clock {
  private fixed: number | null = null;

  now(): number {
    return this.fixed ?? Date.now();
  }

  /** null returns to real time. */
  set(epochMs: number | null): void {
    this.fixed = epochMs;
  }
}
