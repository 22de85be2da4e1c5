// @vitest-environment happy-dom
// The notifications permission in the pages (issue #15): the switch that turns the reminder or the
// nudge on asks the browser first, inside the click; a refusal keeps it off with a calm message; the
// permission is offered back when both are off, and a lost permission is said plainly.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationAccess } from '@/components/NotificationAccess';
import { NudgeFields } from '@/components/NudgeFields';
import { ReminderFields } from '@/components/ReminderFields';
import type { NotificationPermission } from '@/components/data/use-notification-permission';
import { DEFAULT_SETTINGS } from '@/lib/settings';

afterEach(cleanup);

const reminderOff = { ...DEFAULT_SETTINGS.reminder, enabled: false };

describe('turning a notification on asks for the permission', () => {
  it('asks inside the click (before any await) and saves "on" only when granted', async () => {
    let answer!: (granted: boolean) => void;
    const onEnable = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const onChange = vi.fn();
    render(<ReminderFields reminder={reminderOff} locale="en-US" onChange={onChange} onEnable={onEnable} />);
    const box = screen.getByTestId('reminder-enabled') as HTMLInputElement;
    fireEvent.click(box);
    expect(onEnable).toHaveBeenCalledTimes(1); // synchronously, during the click
    expect(onChange).not.toHaveBeenCalled();
    expect(box.disabled).toBe(true); // while the browser asks
    await act(async () => answer(true));
    expect(onChange).toHaveBeenCalledWith({ ...reminderOff, enabled: true });
    expect(screen.queryByTestId('reminder-refused')).toBeNull();
  });

  it('a refusal keeps the switch off and says so calmly; the next click asks again', async () => {
    const onEnable = vi.fn(async () => false);
    const onChange = vi.fn();
    render(
      <NudgeFields
        nudge={{ ...DEFAULT_SETTINGS.nudge, enabled: false }}
        locale="en-US"
        onChange={onChange}
        onEnable={onEnable}
      />,
    );
    const box = screen.getByTestId('nudge-enabled') as HTMLInputElement;
    await act(async () => {
      fireEvent.click(box);
    });
    expect(onChange).not.toHaveBeenCalled();
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(false);
    const refused = screen.getByTestId('nudge-refused');
    expect(refused.textContent).toBe(
      'Your browser did not allow notifications from Creative Ratio, so this stays off. Tick it again when you want to be asked again.',
    );
    expect(refused.getAttribute('role')).toBe('status');
    expect(box.getAttribute('aria-describedby')).toBe(refused.id);
    await act(async () => {
      fireEvent.click(box);
    });
    expect(onEnable).toHaveBeenCalledTimes(2);
  });

  it('turning off never asks', () => {
    const onEnable = vi.fn(async () => true);
    const onChange = vi.fn();
    render(
      <ReminderFields
        reminder={{ ...reminderOff, enabled: true }}
        locale="en-US"
        onChange={onChange}
        onEnable={onEnable}
      />,
    );
    fireEvent.click(screen.getByTestId('reminder-enabled'));
    expect(onEnable).not.toHaveBeenCalled();
    expect(onChange).toHaveBeenCalledWith({ ...reminderOff, enabled: false });
  });
});

function permission(held: boolean | null, answers: Partial<NotificationPermission> = {}): NotificationPermission {
  return { held, ask: vi.fn(async () => true), giveBack: vi.fn(async () => true), ...answers };
}

describe('NotificationAccess', () => {
  it.each([
    ['nothing while a notification is on and allowed', permission(true), true, false, null],
    ['nothing while both are off and nothing is held', permission(false), false, false, null],
    ['nothing until the permission is known', permission(null), true, true, null],
    [
      'a lost permission while the reminder is on',
      permission(false),
      true,
      false,
      'The reminder cannot appear: your browser does not allow notifications from Creative Ratio at the moment. Allow notifications',
    ],
    [
      'a lost permission while both are on',
      permission(false),
      true,
      true,
      'The reminder and the nudge cannot appear: your browser does not allow notifications from Creative Ratio at the moment. Allow notifications',
    ],
    [
      'the offer to give it back when both are off',
      permission(true),
      false,
      false,
      'Both are off, but Creative Ratio may still show notifications. Give the permission back',
    ],
  ])('%s', (_name, p, reminder, nudge, text) => {
    render(<NotificationAccess permission={p} reminder={reminder} nudge={nudge} />);
    const box = screen.queryByTestId('notifications-access');
    if (text === null) expect(box).toBeNull();
    else expect(box?.textContent).toBe(text);
  });

  it('gives the permission back and says what happens next; a browser that keeps it is said plainly', async () => {
    const p = permission(true);
    const { rerender } = render(<NotificationAccess permission={p} reminder={false} nudge={false} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('notifications-give-back'));
    });
    expect(p.giveBack).toHaveBeenCalledTimes(1);
    rerender(<NotificationAccess permission={{ ...p, held: false }} reminder={false} nudge={false} />);
    expect(screen.getByTestId('notifications-note').textContent).toBe(
      'Permission given back. Turning the reminder or the nudge on asks for it again.',
    );
    // Once a switch is turned on again, the old note goes.
    rerender(<NotificationAccess permission={{ ...p, held: true }} reminder={true} nudge={false} />);
    expect(screen.queryByTestId('notifications-access')).toBeNull();

    cleanup();
    const kept = permission(true, { giveBack: vi.fn(async () => false) });
    render(<NotificationAccess permission={kept} reminder={false} nudge={false} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('notifications-give-back'));
    });
    expect(screen.getByTestId('notifications-note').textContent).toMatch(/^Your browser kept the permission/);
  });

  it('"Allow notifications" asks inside the click', async () => {
    const p = permission(false, { ask: vi.fn(async () => false) });
    render(<NotificationAccess permission={p} reminder={false} nudge={true} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('notifications-allow'));
    });
    expect(p.ask).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('notifications-note').textContent).toBe('Still not allowed; nothing else changed.');
  });
});
