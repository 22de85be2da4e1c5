import type { SignalsView } from '@/lib/ui/signals';
import { Stat } from '@/components/Stat';
import { DataTable } from './DataTable';
import './SignalsPanel.css';

/** Orchestration signals: tiles for the week, and the same signals per day in a table. */
export function SignalsPanel({ view }: { view: SignalsView }) {
  return (
    <section className="card" aria-labelledby="signals-title" data-testid="signals">
      <div className="card-head">
        <h2 id="signals-title">What fragmented the week</h2>
        <p>Coordination that breaks up creative time: meetings, chat, switching between tools.</p>
      </div>
      <ul className="stats">
        {view.tiles.map((t) => (
          <Stat key={t.key} label={t.label} value={t.value} help={t.help} testId={`signal-${t.key}`} />
        ))}
      </ul>
      {view.multitaskTools ? <p className="subtle signals-note">Used during meetings: {view.multitaskTools}.</p> : null}
      <p className="subtle signals-note" data-testid="blocks-note">
        A creative block is creative work the way focus feels. {view.blockRule}
      </p>
      <details className="table-toggle">
        <summary>Day by day</summary>
        <DataTable
          caption="Orchestration signals per day"
          captionHidden
          rows={view.days}
          rowKey={(d) => d.day}
          testId="signals-table"
          columns={[
            { key: 'day', header: 'Day', rowHeader: true, render: (d) => d.label },
            { key: 'longest', header: 'Longest creative block', numeric: true, render: (d) => d.longestBlock },
            { key: 'b25', header: '25+ min', numeric: true, render: (d) => d.blocks25 },
            { key: 'b50', header: '50+ min', numeric: true, render: (d) => d.blocks50 },
            { key: 'b90', header: '90+ min', numeric: true, render: (d) => d.blocks90 },
            { key: 'sw', header: 'Switches / h', numeric: true, render: (d) => d.switchesPerHour },
            { key: 'tools', header: 'Tools', numeric: true, render: (d) => d.tools },
            { key: 'meet', header: 'Meetings', numeric: true, render: (d) => d.meetings },
            { key: 'multi', header: 'Multitasking', numeric: true, render: (d) => d.multitask },
          ]}
        />
      </details>
    </section>
  );
}
