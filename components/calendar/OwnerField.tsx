import { useId } from 'react';
import type { CalendarImportState } from '@/components/data/calendar-import';
import './OwnerField.css';

/** Whose calendar it is: the file's proposal, editable, with a warning when no event lists the address. */
export function OwnerField({ state: s }: { state: CalendarImportState }) {
  const id = useId();
  const { owner } = s;
  const typed = owner.value.trim() !== '';
  const proposed = owner.guess && owner.guess.email === owner.value.trim().toLowerCase();
  let help: string;
  let warn = false;
  if (!typed)
    help = owner.guess
      ? `The file suggests ${owner.guess.email}.`
      : 'The file does not say. Without your address, invitations you declined count as meetings.';
  else if (!owner.valid) {
    help = 'This is not an e-mail address.';
    warn = true;
  } else if (owner.listedIn === null) help = 'Looking for this address in the file…';
  else if (owner.listedIn === 0) {
    help = `No event in this file lists ${owner.value.trim()}: declined invitations cannot be recognised. Check the spelling, or that this is your calendar.`;
    warn = true;
  } else if (proposed && owner.guess!.source === 'calendar-name')
    help = 'Proposed from the calendar’s name. Change it if this is not your address.';
  else if (proposed)
    help = `Proposed: this address is on ${owner.guess!.events} of the ${owner.guess!.ofEvents} events that list people. Change it if this is not you.`;
  else help = `On ${owner.listedIn} event${owner.listedIn === 1 ? '' : 's'} of the file.`;

  return (
    <div className="field">
      <label htmlFor={`${id}-owner`}>Whose calendar is it? (your e-mail address)</label>
      <input
        id={`${id}-owner`}
        type="text"
        inputMode="email"
        autoComplete="off"
        spellCheck={false}
        value={owner.value}
        onChange={(e) => s.setOwner(e.target.value)}
        aria-describedby={`${id}-owner-help`}
        aria-invalid={warn || undefined}
        data-testid="calendar-owner"
      />
      <span
        id={`${id}-owner-help`}
        className={warn ? 'field-help field-warning' : 'field-help'}
        data-testid="calendar-owner-help"
        role={warn ? 'status' : undefined}
      >
        {help} Used to skip invitations you declined;{' '}
        {s.stage.kind !== 'idle' && 'source' in s.stage && s.stage.source.kind === 'address'
          ? 'kept with the subscription, on this computer.'
          : 'never saved.'}
      </span>
    </div>
  );
}
