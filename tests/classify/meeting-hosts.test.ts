import { describe, expect, it } from 'vitest';
import { isMeetingHost } from '@/lib/classify';

describe('isMeetingHost', () => {
  it.each([
    'meet.google.com',
    'app.zoom.us',
    'us02web.zoom.us',
    'zoom.us',
    'teams.microsoft.com',
    'teams.live.com',
    'teams.cloud.microsoft',
    'acme.webex.com',
    'whereby.com',
    'acme.whereby.com',
    'around.co',
    'app.gather.town',
    'meet.jit.si',
    'MEET.GOOGLE.COM.',
    'www.zoom.us',
    'app.zoom.us:443',
  ])('%s holds calls', (host) => {
    expect(isMeetingHost(host)).toBe(true);
  });

  it.each([
    'app.slack.com',
    'acme.slack.com',
    'discord.com',
    'calendar.google.com',
    'calendly.com',
    'docs.google.com',
    'zoom.us.evil.example',
    '',
    'not a host',
  ])('%j does not', (host) => {
    expect(isMeetingHost(host)).toBe(false);
  });
});
