/**
 * The team export card's data: the person's settings, rules and the chosen weeks' segments (live),
 * the choices (weeks, last week, name, what else to share), the file they make, and its download.
 * The view (components/TeamExport.tsx) shows this state and calls its setters.
 */
import { format } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import { downloadText } from '@/components/files';
import type { CreativeRatioDB } from '@/lib/db';
import {
  DEFAULT_TEAM_WEEKS,
  buildTeamExport,
  cleanAlias,
  lastCompleteWeek,
  newExportId,
  serializeTeamExport,
  teamExportFileName,
  teamExportRange,
  type TeamExport,
} from '@/lib/export/team';
import { localDayStart } from '@/lib/time/days';
import { resolveWeekStartsOn } from '@/lib/time/week';
import { useRegexEngineFor } from './build-classifier';
import { useRules, useSegmentsOverlapping, useStoredSettings } from './queries';

/** How far back the last week of an export may lie. */
const MAX_LOOKBACK_WEEKS = 52;

export interface TeamExportState {
  weeks: number;
  setWeeks: (weeks: number) => void;
  /** The export's last week (`yyyy-MM-dd` of its first day; null while the settings load). */
  last: string | null;
  setLastWeek: (week: string) => void;
  /** The weeks the last week may be, newest (the last complete week) first. */
  lastChoices: string[];
  alias: string;
  setAlias: (alias: string) => void;
  includeNotWork: boolean;
  setIncludeNotWork: (yes: boolean) => void;
  includeActiveDays: boolean;
  setIncludeActiveDays: (yes: boolean) => void;
  /** The file (null while its data loads). */
  doc: TeamExport | null;
  /** The file's exact text. */
  text: string;
  fileName: string;
  /** Tracked time in the file's weeks (0: nothing to share). */
  tracked: number;
  /** The name of the file last downloaded, while it is still the file shown. */
  downloaded: string | null;
  /** Download the file; the next one gets a new random id. */
  download: () => void;
}

/** The team export of `db` at `now`, week starts and formats of `locale`. */
export function useTeamExport(db: CreativeRatioDB, now: number, locale: string): TeamExportState {
  const settings = useStoredSettings(db);
  const rules = useRules(db);
  const weekStartsOn = settings ? resolveWeekStartsOn(settings.weekStartsOn, locale) : null;

  const [weeks, setWeeks] = useState<number>(DEFAULT_TEAM_WEEKS);
  const [lastWeek, setLastWeek] = useState<string | null>(null);
  const [alias, setAlias] = useState('');
  const [includeNotWork, setIncludeNotWork] = useState(false);
  const [includeActiveDays, setIncludeActiveDays] = useState(false);
  // A fresh random id for every file downloaded: nothing links two exports to each other.
  const [exportId, setExportId] = useState(() => newExportId());
  const [downloaded, setDownloaded] = useState<string | null>(null);

  const lastChoices = useMemo(() => {
    if (weekStartsOn === null) return [];
    const latest = teamExportRange(now, weekStartsOn, 1).weekStarts[0]!;
    return Array.from({ length: MAX_LOOKBACK_WEEKS }, (_, i) => format(localDayStart(latest, -7 * i), 'yyyy-MM-dd'));
  }, [now, weekStartsOn]);
  const last = lastWeek ?? (weekStartsOn === null ? null : lastCompleteWeek(now, weekStartsOn));
  const range = useMemo(
    () => (weekStartsOn === null || last === null ? null : teamExportRange(now, weekStartsOn, weeks, last)),
    [now, weekStartsOn, weeks, last],
  );

  const segments = useSegmentsOverlapping(db, range?.weekStarts[0], range?.end);

  const regexReady = useRegexEngineFor(rules ?? undefined);
  // The weeks are computed once per range; typing the alias only relabels the result.
  const base = useMemo(() => {
    if (!settings || !rules || !segments || !range || !regexReady) return null;
    return buildTeamExport({
      segments,
      rules,
      settings,
      now,
      weeks,
      lastWeek: range.weeks[range.weeks.length - 1],
      locale,
      exportId: '',
      includeNotWork,
      includeActiveDays,
    });
  }, [settings, rules, segments, range, now, weeks, locale, includeNotWork, includeActiveDays, regexReady]);
  const doc = useMemo(() => (base ? { ...base, alias: cleanAlias(alias), exportId } : null), [base, alias, exportId]);
  const text = useMemo(() => (doc ? serializeTeamExport(doc) : ''), [doc]);
  const fileName = doc ? teamExportFileName(doc.alias, doc.exportedAt, doc.exportId) : '';

  // What the file says apart from its id: a change means the last download is no longer this file.
  const content = useMemo(
    () => (base ? serializeTeamExport({ ...base, alias: cleanAlias(alias) }) : ''),
    [base, alias],
  );
  useEffect(() => setDownloaded(null), [content]);

  const tracked = doc
    ? doc.weeks.reduce((a, w) => a + w.creativeMs + w.coordinationMs + (w.neutralMs ?? 0) + w.unclassifiedMs, 0)
    : 0;

  const download = () => {
    if (!doc) return;
    downloadText(text, fileName);
    setDownloaded(fileName);
    setExportId(newExportId());
  };

  return {
    weeks,
    setWeeks,
    last,
    setLastWeek,
    lastChoices,
    alias,
    setAlias,
    includeNotWork,
    setIncludeNotWork,
    includeActiveDays,
    setIncludeActiveDays,
    doc,
    text,
    fileName,
    tracked,
    downloaded,
    download,
  };
}
