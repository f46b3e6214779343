/** How many problems a summary lists before it only counts them. */
export const MAX_LISTED_ISSUES = 50;

/**
 * The problems found while reading a list from outside, one line each: the first
 * {@link MAX_LISTED_ISSUES} as they are, the rest counted, so a list of a million
 * unusable entries gives a short answer.
 */
export class IssueList {
  private readonly listed: string[] = [];
  private unlisted = 0;

  /** Notes one problem. */
  add(issue: string): void {
    if (this.listed.length < MAX_LISTED_ISSUES) this.listed.push(issue);
    else this.unlisted++;
  }

  /** The problems noted, and a last line counting those not listed. */
  lines(): string[] {
    return this.unlisted === 0
      ? [...this.listed]
      : [...this.listed, `… and ${this.unlisted} more problem${this.unlisted === 1 ? "" : "s"} not listed`];
  }
}
