/**
 * Classify a whole URL, as the CLI and the rule editor's "test a URL" do: reduce it exactly as the
 * tracker stores it (lib/url/normalize.ts), then classify the host + path shape. Never throws.
 */
import { toPageRef } from '@/lib/url/normalize';
import type { Classifier, UrlClassification } from './types';

/** `scheme:` at the start (but not `host:port`). */
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/** Why a URL cannot be classified. */
function problem(url: string): string {
  const t = url.trim();
  if (t === '') return 'Empty URL.';
  if (SCHEME.test(t) && !/^https?:/i.test(t)) return 'Only http and https pages are tracked.';
  return 'Not a valid URL.';
}

/**
 * `url` may omit the scheme (`docs.google.com/document/d/…` is read as https). `at` is the instant to
 * classify for (rules with "only from" dates); default now.
 */
export function classifyUrl(url: string, classifier: Classifier, at?: number): UrlClassification {
  let text: string;
  try {
    text = typeof url === 'string' ? url : String(url);
  } catch {
    text = '';
  }
  const trimmed = text.trim();
  const withScheme = trimmed !== '' && !SCHEME.test(trimmed) ? `https://${trimmed}` : trimmed;
  let ref: ReturnType<typeof toPageRef> = null;
  try {
    ref = toPageRef(withScheme);
  } catch {
    ref = null;
  }
  if (ref === null) {
    return { url: text, tool: '', class: 'unclassified', kind: 'unknown', rule: 'none', error: problem(text) };
  }
  const result = classifier.classify(ref.host, ref.path, at);
  return { url: text, tool: result.tool, class: result.class, kind: result.kind, rule: result.rule };
}
