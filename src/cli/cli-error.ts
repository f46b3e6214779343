/** A problem with the input (exit 1) or with how the command was called (exit 2). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** How the command was called is wrong: exit 2. */
export const usage = (message: string): CliError => new CliError(message, 2);

/** What the command was given is wrong: exit 1. */
export const invalid = (message: string): CliError => new CliError(message, 1);
