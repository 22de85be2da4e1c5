/**
 * Meetings & calendar: video calls, webinars, calendars, scheduling links and meeting note-takers.
 * `calls: true` marks tools whose tabs hold calls (isMeetingHost, for audible call tabs).
 */
import { tool, type CatalogTool } from './types';

export const MEETINGS_TOOLS: CatalogTool[] = [
  // Calendars and scheduling
  tool({ id: 'google-calendar', name: 'Google Calendar', kind: 'meetings', hosts: ['calendar.google.com'] }),
  tool({
    id: 'outlook-calendar',
    name: 'Outlook Calendar',
    kind: 'meetings',
    paths: [
      'outlook.office.com/calendar',
      'outlook.office365.com/calendar',
      'outlook.live.com/calendar',
      'outlook.cloud.microsoft/calendar',
    ],
  }),
  tool({
    id: 'microsoft-bookings',
    name: 'Microsoft Bookings',
    kind: 'meetings',
    hosts: ['bookings.cloud.microsoft'],
    paths: ['outlook.office.com/bookings', 'outlook.office365.com/bookings'],
  }),
  tool({ id: 'notion-calendar', name: 'Notion Calendar', kind: 'meetings', hosts: ['calendar.notion.so'] }),
  tool({ id: 'calendly', name: 'Calendly', kind: 'meetings', hosts: ['calendly.com'] }),
  tool({ id: 'cal-com', name: 'Cal.com', kind: 'meetings', hosts: ['cal.com', 'app.cal.com'] }),
  tool({ id: 'savvycal', name: 'SavvyCal', kind: 'meetings', hosts: ['savvycal.com'] }),
  tool({ id: 'chili-piper', name: 'Chili Piper', kind: 'meetings', hosts: ['chilipiper.com'], wildcards: ['*.chilipiper.com'] }),
  tool({ id: 'doodle', name: 'Doodle', kind: 'meetings', hosts: ['doodle.com'] }),
  tool({
    id: 'hubspot-meetings',
    name: 'HubSpot Meetings',
    kind: 'meetings',
    hosts: ['meetings.hubspot.com', 'meetings-eu1.hubspot.com', 'meetings-na2.hubspot.com', 'meetings-na3.hubspot.com', 'meetings-ap1.hubspot.com'],
    note: 'Scheduling links, one host per HubSpot data centre (hubspot.com is shared, so each is listed).',
  }),
  tool({ id: 'reclaim', name: 'Reclaim', kind: 'meetings', hosts: ['app.reclaim.ai'] }),
  tool({ id: 'clockwise', name: 'Clockwise', kind: 'meetings', hosts: ['calendar.getclockwise.com'] }),
  tool({ id: 'vimcal', name: 'Vimcal', kind: 'meetings', hosts: ['vimcal.com', 'app.vimcal.com'] }),
  // Video calls
  tool({ id: 'google-meet', name: 'Google Meet', kind: 'meetings', hosts: ['meet.google.com'], calls: true }),
  tool({
    id: 'zoom',
    name: 'Zoom',
    kind: 'meetings',
    hosts: ['zoom.us', 'zoom.com'],
    wildcards: ['*.zoom.us'],
    calls: true,
    note: 'The web client (app.zoom.us/wc) and every tenant or regional sub-domain (us02web.zoom.us, acme.zoom.us).',
  }),
  tool({ id: 'webex', name: 'Webex', kind: 'meetings', hosts: ['webex.com'], wildcards: ['*.webex.com'], calls: true }),
  tool({ id: 'whereby', name: 'Whereby', kind: 'meetings', hosts: ['whereby.com'], wildcards: ['*.whereby.com'], calls: true }),
  tool({ id: 'around', name: 'Around', kind: 'meetings', hosts: ['around.co'], calls: true }),
  tool({ id: 'gather', name: 'Gather', kind: 'meetings', hosts: ['gather.town'], wildcards: ['*.gather.town'], calls: true }),
  tool({ id: 'jitsi', name: 'Jitsi Meet', kind: 'meetings', hosts: ['meet.jit.si', '8x8.vc'], calls: true }),
  tool({
    id: 'goto-meeting',
    name: 'GoTo Meeting',
    kind: 'meetings',
    hosts: ['meet.goto.com', 'app.goto.com', 'gotomeeting.com'],
    wildcards: ['*.gotomeeting.com'],
    calls: true,
  }),
  tool({ id: 'ringcentral-video', name: 'RingCentral Video', kind: 'meetings', hosts: ['v.ringcentral.com', 'video.ringcentral.com'], calls: true }),
  tool({ id: 'amazon-chime', name: 'Amazon Chime', kind: 'meetings', hosts: ['app.chime.aws'], calls: true }),
  tool({ id: 'zoho-meeting', name: 'Zoho Meeting', kind: 'meetings', hosts: ['meeting.zoho.com', 'meeting.zoho.eu'], calls: true }),
  tool({ id: 'butter', name: 'Butter', kind: 'meetings', wildcards: ['*.butter.us'], calls: true }),
  // Webinars and live streams
  tool({ id: 'livestorm', name: 'Livestorm', kind: 'meetings', hosts: ['app.livestorm.co'], calls: true }),
  tool({ id: 'on24', name: 'ON24', kind: 'meetings', hosts: ['on24.com'], wildcards: ['*.on24.com'], calls: true }),
  tool({ id: 'goldcast', name: 'Goldcast', kind: 'meetings', wildcards: ['*.goldcast.io'], calls: true }),
  tool({ id: 'streamyard', name: 'StreamYard', kind: 'meetings', hosts: ['streamyard.com'], calls: true }),
  tool({ id: 'ringcentral-events', name: 'RingCentral Events', kind: 'meetings', hosts: ['events.ringcentral.com', 'app.hopin.com'], calls: true }),
  tool({
    id: 'goto-webinar',
    name: 'GoTo Webinar',
    kind: 'meetings',
    hosts: ['gotowebinar.com', 'dashboard.gotowebinar.com'],
    calls: true,
    note: 'Organiser dashboard and attendee join pages (global.gotowebinar.com) alike.',
  }),
  tool({ id: 'demio', name: 'Demio', kind: 'meetings', hosts: ['demio.com', 'app.demio.com', 'event.demio.com'], calls: true }),
  // Meeting notes and recordings
  tool({ id: 'otter', name: 'Otter', kind: 'meetings', hosts: ['otter.ai'] }),
  tool({ id: 'fireflies', name: 'Fireflies', kind: 'meetings', hosts: ['app.fireflies.ai'] }),
  tool({ id: 'tldv', name: 'tl;dv', kind: 'meetings', hosts: ['tldv.io'] }),
  tool({ id: 'fathom', name: 'Fathom', kind: 'meetings', hosts: ['fathom.video'] }),
  tool({ id: 'read-ai', name: 'Read AI', kind: 'meetings', hosts: ['app.read.ai'] }),
  tool({ id: 'grain', name: 'Grain', kind: 'meetings', hosts: ['grain.com', 'app.grain.com'] }),
];
