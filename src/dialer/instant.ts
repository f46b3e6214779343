// Notification times as instants. `Date.parse` reads "1" and "March 7" as dates, and
// comparing the text puts 12:00+02:00 after 11:00Z; so a time is read only in the one
// form the platform writes (ISO 8601 with a zone) and compared by the instant it names.

const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The instant (epoch ms) an ISO 8601 date and time with a zone names
 * (`2025-06-26T12:49:17.600Z`, `2025-06-26T14:49:17+02:00`), or `undefined` for
 * anything else: a time without a zone names no instant.
 *
 * @param text - the time as written.
 * @returns epoch milliseconds, or `undefined`.
 */
export function instantOf(text: string): number | undefined {
  const parts = ISO_TIME.exec(text);
  if (parts === null) return undefined;
  const [, year, month, day, hour, minute, second = "0", fraction = "", utc, sign, zoneHour, zoneMinute] = parts;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  const zh = Number(zoneHour ?? "0");
  const zm = Number(zoneMinute ?? "0");
  const monthDays = mo === 2 && !isLeapYear(y) ? 28 : (DAYS_IN_MONTH[mo - 1] ?? 0);
  if (d < 1 || d > monthDays || h > 23 || mi > 59 || s > 59 || zh > 23 || zm > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, Number(`${fraction}000`.slice(0, 3)));
  const offsetMs = utc === undefined ? (sign === "-" ? -1 : 1) * (zh * 60 + zm) * 60_000 : 0;
  return date.getTime() - offsetMs;
}
