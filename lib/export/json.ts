/**
 * Small helpers for reading untrusted JSON (export files, backups). Pure.
 *
 * `JSON.parse` keeps `"__proto__"` as an ordinary own key, so readers here only ever look at own
 * properties of plain objects, and callers build new objects from the fields they checked: parsed
 * JSON is never spread, assigned or merged into anything.
 */

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of `obj` (never one inherited through the prototype chain). */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

export function hasOwn(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** The first own key of `obj` that is not in `allowed` (JSON-quoted for messages), or null. */
export function unknownKey(obj: Record<string, unknown>, allowed: readonly string[]): string | null {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key)) return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  return null;
}

/** Day of the week (0 = Sunday) of a `yyyy-MM-dd` date: the same in every time zone. */
export function weekDayOfKey(key: string): number {
  const [y, mo, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

/** A `yyyy-MM-dd` date moved by `days` calendar days (time-zone free). */
export function addDaysToKey(key: string, days: number): string {
  const [y, mo, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** UTF-8 size of a string in bytes, without allocating an encoded copy. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Text with control characters removed, spaces collapsed, trimmed and cut to `max` characters. */
export function cleanText(text: string, max: number): string {
  return text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** "1,234" in English, for row numbers in messages (messages are English). */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
