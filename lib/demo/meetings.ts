/**
 * The demo calendar's meetings as stored meetings (lib/calendar/meeting-fingerprints.ts), so the
 * demo's day list offers "I skipped this one" and rules re-judge its meetings: each demo calendar
 * segment is one meeting of a weekly series named by its title, organized by the team lead.
 * Deriving them gives the demo's calendar segments back unchanged. Pure.
 */
import type { Segment } from '@/lib/model';
import { storedMeeting, type StoredMeeting } from '@/lib/calendar/meeting-fingerprints';

export const DEMO_ORGANIZER = 'lead@northwind-demo.example';

export function demoMeetings(segments: readonly Segment[]): StoredMeeting[] {
  return segments
    .filter((s) => s.source === 'calendar' && s.importId)
    .map((s) => {
      const title = s.label ?? 'Meeting';
      const uid = `demo-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@northwind-demo.example`;
      return storedMeeting({ title, uid, organizer: DEMO_ORGANIZER }, `t${s.start}`, {
        start: s.start,
        end: s.end,
        importId: s.importId!,
        keepTitles: true,
        override: s.override ?? { class: 'coordination', kind: 'meetings' },
      });
    });
}
