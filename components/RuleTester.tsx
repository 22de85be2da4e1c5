import { useId, useMemo, useState } from 'react';
import { KINDS } from '@/lib/classify/kinds';
import type { Classifier, ExplainMatch } from '@/lib/classify/types';
import { toPageRef } from '@/lib/url/normalize';
import { ClassBadge } from './ClassLegend';
import './RuleTester.css';

/** A matching rule as the person reads it: "Your rule #3 (…)" or "Built-in: Notion (notion.so)", never "Catalog: catalog: …". */
export function matchName(m: Pick<ExplainMatch, 'origin' | 'rule'>): string {
  return m.origin === 'user' ? `Your ${m.rule}` : `Built-in: ${m.rule.replace(/^catalog:\s*/i, '')}`;
}

export interface RuleTesterProps {
  classifier: Classifier;
}

/** "Which rule matched": type a URL, see every matching rule (most specific first) and the winner. */
export function RuleTester({ classifier }: RuleTesterProps) {
  const id = useId();
  const [url, setUrl] = useState('');
  const result = useMemo(() => {
    const text = url.trim();
    if (text === '') return null;
    const page = toPageRef(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (!page) return { error: 'That is not a web address (http or https).' } as const;
    return { page, explanation: classifier.explain(page.host, page.path) } as const;
  }, [url, classifier]);

  return (
    <div className="stack gap-10" data-testid="rule-tester">
      <div className="field">
        <label htmlFor={id}>Test an address</label>
        <input
          id={id}
          type="url"
          value={url}
          placeholder="https://docs.google.com/document/d/…/edit"
          spellCheck={false}
          autoCapitalize="off"
          onChange={(e) => setUrl(e.target.value)}
          className="rule-tester-input"
          aria-describedby={`${id}-help`}
          data-testid="rule-tester-input"
        />
        <span id={`${id}-help`} className="field-help">
          Only typed here, never stored. The address is reduced to its host and path shape exactly as the tracker would.
        </span>
      </div>
      <div aria-live="polite" data-testid="rule-tester-result">
        {result === null ? null : 'error' in result ? (
          <p className="field-error">{result.error}</p>
        ) : (
          <div className="stack gap-8">
            <p>
              <span className="mono">
                {result.page.host}
                {result.page.path}
              </span>{' '}
              counts as{' '}
              <ClassBadge
                cls={result.explanation.result.class}
                kindName={
                  result.explanation.result.class === 'unclassified'
                    ? undefined
                    : KINDS[result.explanation.result.kind].name
                }
              />{' '}
              under <strong>{result.explanation.result.tool}</strong>.
            </p>
            {result.explanation.matches.length === 0 ? (
              <p className="muted">No rule matches: neither yours nor the built-in catalog.</p>
            ) : (
              <ol className="tester-result">
                {result.explanation.matches.map((m, i) => (
                  <li key={`${m.rule}-${i}`} className={m.winner ? 'winner' : undefined}>
                    {m.winner ? <span className="badge tester-wins">Wins</span> : null}
                    {matchName(m)} →{' '}
                    <ClassBadge cls={m.class} kindName={m.class === 'unclassified' ? undefined : KINDS[m.kind].name} />{' '}
                    {m.tool}
                    {!m.active ? <span className="subtle"> (not yet in force for this moment)</span> : null}
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
