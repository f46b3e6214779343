// Where the dial-out request goes. The JWT travels with it, so the address is built
// with `URL` from a host that can only mean one place: a bare https origin, optionally
// with a base path. Every check is one pass over the text (no backtracking patterns).

/** White space, C0 and C1 control characters, and backslashes (which `URL` reads as `/`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE_IN_HOST = /[\u0000-\u0020\u007f-\u009f\\]/;
/** Characters that smuggle another destination into a URL: userinfo, query, fragment. */
const REDIRECTING = /[@?#]/;
/** `https://authority` and the rest; the authority holds no `/`. */
const SHAPE = /^https:\/\/[^/]+(\/.*)?$/i;

/** Each check on the `host` field, in order; the first that fails is the one reported. */
const HOST_CHECKS: ReadonlyArray<readonly [(host: string) => boolean, string]> = [
  [(host) => !UNSAFE_IN_HOST.test(host), "must not contain white space, control characters or backslashes"],
  [(host) => !REDIRECTING.test(host), "must not contain a user name, password, query or fragment (@, ?, #)"],
  [(host) => SHAPE.test(host) && parses(host), "expected an absolute https URL"],
  [(host) => !hasDotSegment(host), "must not contain . or .. path segments"],
];

function parses(host: string): boolean {
  try {
    new URL(host);
    return true;
  } catch {
    return false;
  }
}

/** `.` or `..` as a path segment, also percent-encoded (`%2e`), which `URL` resolves away. */
function hasDotSegment(host: string): boolean {
  const afterScheme = host.slice("https://".length);
  const slash = afterScheme.indexOf("/");
  if (slash === -1) return false;
  for (const segment of afterScheme.slice(slash + 1).split("/")) {
    const plain = segment.toLowerCase().split("%2e").join(".");
    if (plain === "." || plain === "..") return true;
  }
  return false;
}

/**
 * What is wrong with `host` as the platform's address, at most one line, or none.
 *
 * @param host - the text given as `host` (already known to be text).
 * @returns the problem without its path, or `undefined`.
 */
export function hostProblem(host: string): string | undefined {
  for (const [passes, problem] of HOST_CHECKS) if (!passes(host)) return problem;
  return undefined;
}

/** `.` and `..`, which `URL` would resolve away, taking the request to another path. */
export function isDotSegment(id: string): boolean {
  return id === "." || id === "..";
}

/**
 * `{host}/api/1.1/public/bot/{bot}/smartassist/dialout`, built with `URL` from a host
 * that passed {@link hostProblem}; the bot id is one encoded path segment.
 */
export function dialoutUrl(host: string, bot: string): string {
  const url = new URL(host);
  const path = url.pathname;
  let end = path.length;
  while (end > 0 && path.charAt(end - 1) === "/") end--;
  url.pathname = `${path.slice(0, end)}/api/1.1/public/bot/${encodeURIComponent(bot)}/smartassist/dialout`;
  return url.href;
}
