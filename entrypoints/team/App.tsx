import { useMemo, useState } from 'react';
import { BandsChart } from '@/components/team/BandsChart';
import { FragmentationChart } from '@/components/team/FragmentationChart';
import { useTeamFormatters } from '@/components/team/format';
import { KindsChart } from '@/components/team/KindsChart';
import { ShareDistributionChart } from '@/components/team/ShareDistributionChart';
import { TeamFiles } from '@/components/team/TeamFiles';
import { MinGroupField, TeamFloorNotice } from '@/components/team/TeamFloor';
import { TeamHeadline } from '@/components/team/TeamHeadline';
import { TeamShell } from '@/components/team/TeamShell';
import { WeeklyRangeChart } from '@/components/team/WeeklyRangeChart';
import { teamPeople } from '@/lib/export/team-files';
import { DEFAULT_MIN_GROUP, buildTeamView } from '@/lib/export/team-view';
import { useTeamFiles } from './use-team-files';

/**
 * The team view: a lead sees the team's figures from anonymised team exports — never a figure next to
 * a name, and nothing at all below the minimum group size. Files are read and validated in this tab;
 * nothing is uploaded and nothing is stored (unless the lead keeps them for this tab's session).
 * This page never opens the extension's database.
 */
export function App() {
  const fmt = useTeamFormatters();
  const files = useTeamFiles();
  const [minGroup, setMinGroup] = useState(DEFAULT_MIN_GROUP);
  const view = useMemo(() => buildTeamView(teamPeople(files.state), minGroup), [files.state, minGroup]);
  const stats = view.stats;

  return (
    <TeamShell>
      <div className="page-title-row">
        <h1>Team view</h1>
        <p className="muted">
          Where your team&apos;s time goes between creative work and coordination — the team&apos;s figures only, from
          the files people chose to share.
        </p>
      </div>
      <TeamFiles
        state={files.state}
        busy={files.busy}
        onFiles={files.addFiles}
        onRemove={files.remove}
        onClear={files.clear}
        keep={files.keep}
        onKeep={files.setKeep}
        fmt={fmt}
      >
        <MinGroupField value={view.minGroup} onChange={setMinGroup} />
      </TeamFiles>
      {files.state.files.length === 0 ? (
        <section className="card empty" aria-labelledby="team-empty-title" data-testid="team-empty">
          <h2 id="team-empty-title">No files yet</h2>
          <ul>
            <li>Set up a shared folder anyone in the team can drop a file into, so you never see who sent which.</li>
            <li>
              Each person opens Creative Ratio → Settings → Share with your team, picks the weeks, downloads a file and
              drops it there.
            </li>
            <li>
              The file holds weekly totals only: no name unless they add one, no sites, tools, titles, notes or times of
              day.
            </li>
            <li>
              Choose or drop the folder&apos;s files above. They are read here and never leave this computer. Figures
              appear once at least {view.minGroup} people&apos;s files are in.
            </li>
          </ul>
        </section>
      ) : stats === null ? (
        <TeamFloorNotice view={view} />
      ) : (
        <>
          <TeamHeadline view={view} stats={stats} fmt={fmt} />
          <ShareDistributionChart stats={stats} fmt={fmt} />
          <div className="grid-2">
            <WeeklyRangeChart stats={stats} minGroup={view.minGroup} fmt={fmt} />
            <BandsChart stats={stats} fmt={fmt} />
          </div>
          <div className="grid-2">
            <KindsChart stats={stats} fmt={fmt} />
            <FragmentationChart stats={stats} fmt={fmt} />
          </div>
        </>
      )}
    </TeamShell>
  );
}
