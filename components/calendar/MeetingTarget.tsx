import { KINDS } from '@/lib/classify/kinds';
import { MEETING_CREATIVE_KINDS } from '@/lib/calendar/meeting-classes';
import type { KindId } from '@/lib/model';

/**
 * What a meeting rule may count meetings as, for a `<select>`: each creative kind a meeting can be,
 * then coordination (meetings). The values are `class:kind` (read them with `meetingTarget`).
 */
export function MeetingTargetOptions() {
  return (
    <>
      {MEETING_CREATIVE_KINDS.map((k) => (
        <option key={k} value={`creative:${k}`}>
          Creative · {KINDS[k].name}
        </option>
      ))}
      <option value="coordination:meetings">Coordination · Meetings</option>
    </>
  );
}

/** The class and kind of a `MeetingTargetOptions` value. */
export function meetingTarget(value: string): ['creative' | 'coordination', KindId] {
  return value.split(':') as ['creative' | 'coordination', KindId];
}
