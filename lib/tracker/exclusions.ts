/**
 * The person's "never track" list. Pure.
 * An entry `bank.com` excludes bank.com and every sub-domain of it; `*.bank.com` excludes only
 * sub-domains. Entries are normalised like stored hosts (case, `www.`, trailing dot, IDN).
 */
import { normalizeHost } from '@/lib/url/normalize';

export function compileExclusions(entries: readonly string[]): (host: string) => boolean {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry.startsWith('*.')) {
      const base = normalizeHost(entry.slice(2));
      if (base) suffixes.push(`.${base}`);
    } else {
      const host = normalizeHost(entry);
      if (host) {
        exact.add(host);
        suffixes.push(`.${host}`);
      }
    }
  }
  if (exact.size === 0 && suffixes.length === 0) return () => false;
  return (host) => exact.has(host) || suffixes.some((s) => host.endsWith(s));
}
