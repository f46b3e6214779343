/** A value that is not valid JSON, and the line it starts on (from 1). */
export class JsonValuesError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** What JSON.parse said was wrong, as text. */
export const parseError = (error: unknown): string => (error instanceof Error ? error.message : String(error));
