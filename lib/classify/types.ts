/**
 * Contract of the classifier (issue #3). Pure types.
 */
import type { ClassName, KindId } from '@/lib/model';
import type { GuessSignal } from './guess';

/** How a person's rule matches. */
export type RuleMatch =
  /** Exact host, e.g. `app.asana.com` (normalised, so `www.` and case do not matter). */
  | { type: 'host'; host: string }
  /** Host wildcard, e.g. `*.atlassian.net` (matches sub-domains, not the apex). */
  | { type: 'wildcard'; pattern: string }
  /** Host (or wildcard) plus a path prefix on the stored path shape, e.g. `docs.google.com` + `/document`. */
  | { type: 'path'; host: string; pathPrefix: string }
  /** Regular expression tested against `host + path`, e.g. `^app\.hubspot\.com/email/`. */
  | { type: 'regex'; pattern: string };

/** A rule the person made. Stored in the `rules` table; `order` sorts them (lower first). */
export interface UserRule {
  id?: number;
  order: number;
  match: RuleMatch;
  class: ClassName;
  kind?: KindId;
  /** Tool name to report this time under (optional). */
  tool?: string;
  /** Epoch ms. With `fromTime`, the rule applies only to time at or after this instant ("only from today"). */
  fromTime?: number;
  createdAt: number;
}

/** The answer for one host + path shape. */
export interface Classification {
  /** Stable tool id (catalog id, or `user:<name>` / `host:<host>`). */
  toolId: string;
  /** Display name of the tool (the host when unknown). */
  tool: string;
  class: ClassName;
  kind: KindId;
  /** Which rule decided, human readable: e.g. `catalog: Google Docs (docs.google.com/document)` or `rule #3`. */
  rule: string;
  /** Where the deciding rule came from; `guess`: no rule decided, the address did (lib/classify/guess.ts). */
  origin: 'user' | 'catalog' | 'guess' | 'none';
  /** Set for guesses: why (`rule` says the same) and which part of the address decided. */
  guess?: { reason: string; signal: GuessSignal };
}

/** One rule that matched a host + path, as the rule editor shows it ("which rule matched"). */
export interface ExplainMatch {
  /** Human-readable rule label, same form as `Classification.rule`. */
  rule: string;
  origin: 'user' | 'catalog';
  /** The person's rule id (user rules only). */
  id?: number;
  /** True for the one rule that decided the result at the given time. */
  winner: boolean;
  /** False when the rule has a `fromTime` after the instant asked about. */
  active: boolean;
  class: ClassName;
  kind: KindId;
  tool: string;
  toolId: string;
}

/** Every matching rule, most specific first, and the result. */
export interface Explanation {
  matches: ExplainMatch[];
  result: Classification;
}

/** Classifies stored host + path shapes. Memoised by host + path; rule order and time are applied per call. */
export interface Classifier {
  /** `at` is the epoch ms of the time being classified (default: now); it only matters for rules with `fromTime`. */
  classify(host: string, path: string, at?: number): Classification;
  explain(host: string, path: string, at?: number): Explanation;
}

/** The answer for a whole URL (CLI, rule editor's "test a URL"). */
export interface UrlClassification {
  url: string;
  tool: string;
  class: ClassName;
  kind: KindId;
  rule: string;
  /** Set when the URL could not be read; class is then `unclassified`. */
  error?: string;
}
