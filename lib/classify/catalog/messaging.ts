/**
 * Chat & email: team chat, email clients, customer conversations, sales sequences and async video.
 */
import { tool, type CatalogTool } from './types';

export const MESSAGING_TOOLS: CatalogTool[] = [
  // Team chat
  tool({
    id: 'slack',
    name: 'Slack',
    kind: 'messaging',
    hosts: ['slack.com'],
    wildcards: ['*.slack.com'],
    areas: [{ paths: ['/huddle'], kind: 'meetings' }],
    note: 'app.slack.com and workspace sub-domains. Huddle windows (/huddle) are meetings; Slack is not a call host otherwise.',
  }),
  tool({
    id: 'microsoft-teams',
    name: 'Microsoft Teams',
    kind: 'messaging',
    hosts: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'],
    areas: [{ paths: ['/l/meetup-join', '/meet', '/dl/launcher'], kind: 'meetings' }],
    calls: true,
    note: 'Chat by default; meeting join links are meetings. An audible Teams tab always counts as a call.',
  }),
  tool({ id: 'google-chat', name: 'Google Chat', kind: 'messaging', hosts: ['chat.google.com', 'hangouts.google.com'], paths: ['mail.google.com/chat'] }),
  tool({ id: 'google-groups', name: 'Google Groups', kind: 'messaging', hosts: ['groups.google.com'] }),
  tool({ id: 'discord', name: 'Discord', kind: 'messaging', hosts: ['discord.com', 'discord.gg'] }),
  tool({
    id: 'whatsapp',
    name: 'WhatsApp',
    kind: 'messaging',
    hosts: ['web.whatsapp.com'],
    note: 'A primary work chat in many countries; make it personal with a host rule if it is not yours.',
  }),
  tool({ id: 'telegram', name: 'Telegram', kind: 'messaging', hosts: ['web.telegram.org'] }),
  tool({ id: 'viva-engage', name: 'Viva Engage', kind: 'messaging', hosts: ['web.yammer.com', 'engage.cloud.microsoft'] }),
  tool({ id: 'zulip', name: 'Zulip', kind: 'messaging', wildcards: ['*.zulipchat.com'] }),
  tool({ id: 'twist', name: 'Twist', kind: 'messaging', hosts: ['twist.com'] }),
  tool({ id: 'mattermost', name: 'Mattermost', kind: 'messaging', wildcards: ['*.cloud.mattermost.com'] }),
  // Email
  tool({ id: 'gmail', name: 'Gmail', kind: 'messaging', hosts: ['mail.google.com', 'inbox.google.com'], paths: ['mail.google.com/mail'] }),
  tool({
    id: 'outlook',
    name: 'Outlook',
    kind: 'messaging',
    hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft', 'outlook.com'],
  }),
  tool({ id: 'superhuman', name: 'Superhuman', kind: 'messaging', hosts: ['mail.superhuman.com'] }),
  tool({ id: 'notion-mail', name: 'Notion Mail', kind: 'messaging', hosts: ['mail.notion.so', 'mail.notion.com'] }),
  tool({ id: 'front', name: 'Front', kind: 'messaging', hosts: ['app.frontapp.com'] }),
  tool({ id: 'hey', name: 'HEY', kind: 'messaging', hosts: ['app.hey.com'] }),
  tool({ id: 'yahoo-mail', name: 'Yahoo Mail', kind: 'messaging', hosts: ['mail.yahoo.com'] }),
  tool({ id: 'proton-mail', name: 'Proton Mail', kind: 'messaging', hosts: ['mail.proton.me'] }),
  tool({ id: 'fastmail', name: 'Fastmail', kind: 'messaging', hosts: ['app.fastmail.com'] }),
  tool({ id: 'zoho-mail', name: 'Zoho Mail', kind: 'messaging', hosts: ['mail.zoho.com', 'mail.zoho.eu'] }),
  tool({ id: 'shortwave', name: 'Shortwave', kind: 'messaging', hosts: ['app.shortwave.com'] }),
  tool({ id: 'missive', name: 'Missive', kind: 'messaging', hosts: ['mail.missiveapp.com'] }),
  tool({ id: 'icloud-mail', name: 'iCloud Mail', kind: 'messaging', paths: ['icloud.com/mail'] }),
  // Customer conversations and sales sequences
  tool({ id: 'intercom', name: 'Intercom', kind: 'messaging', hosts: ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'] }),
  tool({ id: 'zendesk', name: 'Zendesk', kind: 'messaging', wildcards: ['*.zendesk.com'] }),
  tool({ id: 'freshdesk', name: 'Freshdesk', kind: 'messaging', wildcards: ['*.freshdesk.com'] }),
  tool({ id: 'gorgias', name: 'Gorgias', kind: 'messaging', wildcards: ['*.gorgias.com'] }),
  tool({ id: 'help-scout', name: 'Help Scout', kind: 'messaging', hosts: ['secure.helpscout.net'] }),
  tool({ id: 'drift', name: 'Drift', kind: 'messaging', hosts: ['app.drift.com'] }),
  tool({ id: 'qualified', name: 'Qualified', kind: 'messaging', hosts: ['app.qualified.com'], note: 'Website live chat with buyers.' }),
  tool({
    id: 'outreach',
    name: 'Outreach',
    kind: 'messaging',
    hosts: ['app.outreach.io'],
    wildcards: ['*.outreach.io'],
    note: 'Sales sequences are e-mail outreach: messaging.',
  }),
  tool({ id: 'salesloft', name: 'Salesloft', kind: 'messaging', hosts: ['app.salesloft.com'] }),
  tool({ id: 'lemlist', name: 'lemlist', kind: 'messaging', hosts: ['app.lemlist.com'] }),
  // Async video
  tool({
    id: 'loom',
    name: 'Loom',
    kind: 'messaging',
    hosts: ['loom.com'],
    note: 'Recording and watching Looms is async status-sharing, so it counts as messaging, not video production.',
  }),
];
