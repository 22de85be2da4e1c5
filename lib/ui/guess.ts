/**
 * Confirming a guess from the address (issue #14): the rule one click makes. A guess read from a path
 * (`/tasks`) becomes a rule for that host and path prefix; a guess read from the sub-domain (`meet.`) a
 * rule for the whole host. The rule keeps the guessed class and kind, so the answer stops being a guess
 * and the person's rule wins from then on. Pure.
 */
import type { Classification, RuleMatch } from '@/lib/classify/types';
import type { ClassName, KindId } from '@/lib/model';

export type GuessInfo = NonNullable<Classification['guess']>;

export interface ConfirmRule {
  match: RuleMatch;
  cls: ClassName;
  kind: KindId;
  /** What the rule covers, for the button and the message: "chat.acme.com" or "acme.com/tasks". */
  scope: string;
}

export function confirmRule(host: string, guess: GuessInfo, cls: ClassName, kind: KindId): ConfirmRule {
  if (guess.signal.type === 'path') {
    return {
      match: { type: 'path', host, pathPrefix: guess.signal.prefix },
      cls,
      kind,
      scope: `${host}${guess.signal.prefix}`,
    };
  }
  return { match: { type: 'host', host }, cls, kind, scope: host };
}

/** "Guessed from the address: /tasks looks like project management." — the reason, as a sentence. */
export function guessSentence(guess: GuessInfo): string {
  const r = guess.reason.trim();
  return `${r.charAt(0).toUpperCase()}${r.slice(1)}.`;
}
