import { useMemo } from 'react';
import { BandsChart } from '@/components/team/BandsChart';
import { useTeamFormatters } from '@/components/team/format';
import { KindsChart } from '@/components/team/KindsChart';
import { MeetingsChart } from '@/components/team/MeetingsChart';
import { PeopleShareChart } from '@/components/team/PeopleShareChart';
import { TeamFiles } from '@/components/team/TeamFiles';
import { TeamHeadline } from '@/components/team/TeamHeadline';
import { TeamShell } from '@/components/team/TeamShell';
import { WeeklyRangeChart } from '@/components/team/WeeklyRangeChart';
import { teamMembers } from '@/lib/export/team-files';
import { buildTeamView } from '@/lib/export/team-view';
import { useTeamFiles } from './use-team-files';

/**
 * The team view: a lead compares anonymised team exports. Files are read and validated in this tab;
 * nothing is uploaded and nothing is stored (unless the lead keeps them for this tab's session).
 * This page never opens the extension's database.
 */
export function App() {
  const fmt = useTeamFormatters();
  const files = useTeamFiles();
  const view = useMemo(() => buildTeamView(teamMembers(files.state)), [files.state]);
  const hasPeople = files.state.files.length > 0;

  return (
    <TeamShell>
      <div className="page-title-row">
        <h1>Team view</h1>
        <p className="muted">Compare creative vs coordination time across your team, from the files they chose to share.</p>
      </div>
      <TeamFiles
        state={files.state}
        busy={files.busy}
        onFiles={files.addFiles}
        onRemove={files.remove}
        onRename={files.rename}
        onClear={files.clear}
        keep={files.keep}
        onKeep={files.setKeep}
        fmt={fmt}
      />
      {!hasPeople ? (
        <section className="card empty" aria-labelledby="team-empty-title" data-testid="team-empty">
          <h2 id="team-empty-title">No files yet</h2>
          <ul>
            <li>Each person opens Creative Ratio → Settings → Share with your team, picks the weeks and downloads a file.</li>
            <li>The file holds weekly totals only: no sites, tools, titles, notes or times of day.</li>
            <li>Choose or drop the files above. They are read here and never leave this computer.</li>
          </ul>
        </section>
      ) : (
        <>
          <TeamHeadline view={view} fmt={fmt} />
          <PeopleShareChart view={view} fmt={fmt} />
          <div className="grid-2">
            <WeeklyRangeChart view={view} fmt={fmt} />
            <BandsChart view={view} fmt={fmt} />
          </div>
          <div className="grid-2">
            <KindsChart view={view} fmt={fmt} />
            <MeetingsChart view={view} fmt={fmt} />
          </div>
        </>
      )}
    </TeamShell>
  );
}
