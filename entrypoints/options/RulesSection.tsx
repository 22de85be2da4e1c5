import { format } from 'date-fns';
import { useRef, useState } from 'react';
import { Banner } from '@/components/Banner';
import { useClassifier } from '@/components/data/classifier';
import { useFormatters } from '@/components/hooks';
import { RuleForm } from '@/components/RuleForm';
import { RuleList } from '@/components/RuleList';
import { RuleTester } from '@/components/RuleTester';
import { moveRuleBy, replaceAllRules, removeRule, saveRule } from '@/components/data/rule-actions';
import { SettingsSection } from '@/components/SettingsSection';
import {
  exportRules,
  loadRegexEngine,
  parseRulesImport,
  validateRule,
  type ImportError,
  type RulesImport,
  type UserRule,
} from '@/lib/classify';
import { draftErrors, draftFromRule, draftToInput, emptyDraft, type RuleDraft } from '@/lib/ui/rule-form';
import { downloadText, readText } from '@/components/files';

type Notice = { tone: 'success' | 'error'; title: string; text?: string; errors?: ImportError[] } | null;

/** The person's classification rules: list, add/edit/delete/reorder, the URL tester, import/export. */
export function RulesSection() {
  const live = useClassifier();
  const fmt = useFormatters();
  const [editing, setEditing] = useState<UserRule | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [pendingImport, setPendingImport] = useState<{ name: string; rules: UserRule[] } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const rules = live?.rules ?? [];

  const submit = async (draft: RuleDraft, base?: UserRule) => {
    const now = Date.now();
    if (draft.matchType === 'regex') await loadRegexEngine();
    const checked = validateRule(
      draftToInput(draft, now, base ? { id: base.id, order: base.order, createdAt: base.createdAt } : undefined),
      { now },
    );
    if (!checked.ok) return draftErrors(checked.errors, draft.matchType);
    try {
      await saveRule(checked.rule);
    } catch (err) {
      return { form: `Not saved: ${err instanceof Error ? err.message : String(err)}` };
    }
    setEditing(null);
    setNotice({ tone: 'success', title: base ? 'Rule saved.' : 'Rule added.', text: 'Every chart uses it now.' });
    return null;
  };

  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await what();
      setNotice({ tone: 'success', title: done });
    } catch (err) {
      setNotice({ tone: 'error', title: 'Not saved.', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const download = () =>
    downloadText(exportRules(rules), `creative-ratio-rules-${format(Date.now(), 'yyyy-MM-dd')}.json`);

  const readImport = async (file: File) => {
    setPendingImport(null);
    const text = await readText(file).catch(() => null);
    // Regex rules are checked on the linear-time engine they will run on, loaded only when needed.
    if (text?.includes('regex')) await loadRegexEngine();
    const parsed: RulesImport =
      text === null ? { ok: false, errors: [{ message: 'The file could not be read.' }] } : parseRulesImport(text);
    if (!parsed.ok) {
      setNotice({ tone: 'error', title: `Nothing was imported from ${file.name}.`, errors: parsed.errors });
      return;
    }
    setNotice(null);
    setPendingImport({ name: file.name, rules: parsed.rules });
  };

  return (
    <SettingsSection
      id="rules"
      title="Classification rules"
      description="Your rules come before the built-in catalog. A more specific rule (host + path, regex) beats a broader one."
      testId="rules-section"
    >
      {notice ? (
        <Banner tone={notice.tone} title={notice.title}>
          {notice.text}
          {notice.errors ? (
            <ul className="rules-notice-list" data-testid="import-errors">
              {notice.errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          ) : null}
        </Banner>
      ) : null}

      {live && live.skipped.length > 0 ? (
        <Banner
          tone="warning"
          title={`${live.skipped.length === 1 ? 'One rule is' : `${live.skipped.length} rules are`} not used.`}
        >
          <ul className="rules-notice-list" data-testid="skipped-rules">
            {live.skipped.map((s) => (
              <li key={`${s.id ?? 'x'}-${s.index}`}>
                Rule {s.index + 1}: {s.reason} Edit or delete it.
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}

      {!live ? (
        <p className="muted">Loading rules…</p>
      ) : (
        <RuleList
          rules={rules}
          busy={busy}
          formatDate={fmt.date}
          onEdit={(r) => setEditing(r)}
          onDelete={(r) => void run(() => removeRule(r.id!), 'Rule deleted.')}
          onMove={(i, delta) => {
            const rule = rules[i];
            if (rule?.id !== undefined) void run(() => moveRuleBy(rule.id!, delta), 'Order saved.');
          }}
        />
      )}

      {editing === null ? (
        <div>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} data-testid="rule-add">
            Add a rule
          </button>
        </div>
      ) : (
        <RuleForm
          key={editing === 'new' ? 'new' : editing.id}
          title={editing === 'new' ? 'New rule' : 'Edit rule'}
          initial={editing === 'new' ? emptyDraft() : draftFromRule(editing)}
          submitLabel={editing === 'new' ? 'Add rule' : 'Save changes'}
          onSubmit={(d) => submit(d, editing === 'new' ? undefined : editing)}
          onCancel={() => setEditing(null)}
        />
      )}

      {live ? (
        <div className="card card-flat rule-tester-card">
          <h3>Which rule matched?</h3>
          <RuleTester classifier={live.classifier} />
        </div>
      ) : null}

      <div className="stack gap-8">
        <h3>Import and export</h3>
        <p className="muted small">
          A JSON file of your rules, to back them up or share them with your team. Importing checks every rule first;
          nothing changes unless all of them are valid.
        </p>
        <div className="row">
          <button
            type="button"
            className="btn"
            onClick={download}
            disabled={rules.length === 0}
            data-testid="rules-export"
          >
            Export rules
          </button>
          <button type="button" className="btn" onClick={() => fileRef.current?.click()} data-testid="rules-import">
            Import rules…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void readImport(file);
            }}
            data-testid="rules-import-file"
          />
        </div>
        {pendingImport ? (
          <div className="banner banner-warning" role="alertdialog" aria-labelledby="import-confirm-title">
            <span className="banner-icon" aria-hidden="true">
              !
            </span>
            <div className="stack gap-8">
              <strong id="import-confirm-title">
                Replace your {rules.length} rule{rules.length === 1 ? '' : 's'} with the {pendingImport.rules.length} in{' '}
                {pendingImport.name}?
              </strong>
              <div className="row">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() => {
                    const incoming = pendingImport.rules;
                    setPendingImport(null);
                    void run(
                      () => replaceAllRules(incoming),
                      `Imported ${incoming.length} rule${incoming.length === 1 ? '' : 's'}.`,
                    );
                  }}
                  data-testid="rules-import-confirm"
                  autoFocus
                >
                  Replace my rules
                </button>
                <button type="button" className="btn" onClick={() => setPendingImport(null)}>
                  Cancel
                </button>
              </div>
            </div>
          </div>
        ) : null}
      </div>
    </SettingsSection>
  );
}
