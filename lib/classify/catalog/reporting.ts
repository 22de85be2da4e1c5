/**
 * Analytics & reporting: web and product analytics, BI dashboards, spreadsheets, search performance.
 * (Ad managers are reporting too: see ads.ts. CRM reports are areas of the CRM tools in crm.ts.)
 */
import { tool, type CatalogTool } from './types';

export const REPORTING_TOOLS: CatalogTool[] = [
  tool({ id: 'google-analytics', name: 'Google Analytics', kind: 'reporting', hosts: ['analytics.google.com'] }),
  tool({ id: 'looker-studio', name: 'Looker Studio', kind: 'reporting', hosts: ['lookerstudio.google.com', 'datastudio.google.com'] }),
  tool({
    id: 'google-search-console',
    name: 'Google Search Console',
    kind: 'reporting',
    hosts: ['search.google.com'],
    paths: ['search.google.com/search-console'],
  }),
  tool({
    id: 'google-sheets',
    name: 'Google Sheets',
    kind: 'reporting',
    hosts: ['sheets.google.com'],
    paths: ['docs.google.com/spreadsheets', 'docs.google.com/a/*/spreadsheets'],
    note: 'Marketers mostly use sheets for numbers: budgets, trackers, exports. Planning sheets can get a path rule.',
  }),
  tool({
    id: 'microsoft-excel',
    name: 'Microsoft Excel',
    kind: 'reporting',
    hosts: ['excel.cloud.microsoft', 'excel.officeapps.live.com', 'excel.office.com'],
    paths: [
      '*.sharepoint.com/:x:',
      '*.sharepoint.com/_layouts/*/xlviewer.aspx',
      'office.com/launch/excel',
      'microsoft365.com/launch/excel',
      'onedrive.live.com/:x:',
    ],
  }),
  tool({ id: 'bigquery', name: 'BigQuery', kind: 'reporting', paths: ['console.cloud.google.com/bigquery'] }),
  tool({ id: 'tableau', name: 'Tableau', kind: 'reporting', hosts: ['online.tableau.com', 'public.tableau.com'], wildcards: ['*.online.tableau.com'] }),
  tool({ id: 'power-bi', name: 'Power BI', kind: 'reporting', hosts: ['app.powerbi.com', 'app.fabric.microsoft.com'] }),
  tool({ id: 'looker', name: 'Looker', kind: 'reporting', wildcards: ['*.looker.com'] }),
  tool({ id: 'metabase', name: 'Metabase', kind: 'reporting', wildcards: ['*.metabaseapp.com'] }),
  tool({ id: 'domo', name: 'Domo', kind: 'reporting', wildcards: ['*.domo.com'] }),
  tool({ id: 'databox', name: 'Databox', kind: 'reporting', hosts: ['app.databox.com'] }),
  tool({ id: 'amplitude', name: 'Amplitude', kind: 'reporting', hosts: ['app.amplitude.com', 'analytics.amplitude.com', 'analytics.eu.amplitude.com', 'app.eu.amplitude.com'] }),
  tool({ id: 'mixpanel', name: 'Mixpanel', kind: 'reporting', hosts: ['mixpanel.com', 'eu.mixpanel.com'] }),
  tool({ id: 'heap', name: 'Heap', kind: 'reporting', hosts: ['heapanalytics.com'] }),
  tool({ id: 'posthog', name: 'PostHog', kind: 'reporting', hosts: ['app.posthog.com', 'us.posthog.com', 'eu.posthog.com'] }),
  tool({ id: 'hotjar', name: 'Hotjar', kind: 'reporting', hosts: ['insights.hotjar.com'] }),
  tool({ id: 'microsoft-clarity', name: 'Microsoft Clarity', kind: 'reporting', hosts: ['clarity.microsoft.com'] }),
  tool({ id: 'fullstory', name: 'FullStory', kind: 'reporting', hosts: ['app.fullstory.com', 'app.eu1.fullstory.com'] }),
  tool({ id: 'plausible', name: 'Plausible', kind: 'reporting', hosts: ['plausible.io'] }),
  tool({ id: 'fathom-analytics', name: 'Fathom Analytics', kind: 'reporting', hosts: ['app.usefathom.com'] }),
  tool({ id: 'matomo', name: 'Matomo', kind: 'reporting', wildcards: ['*.matomo.cloud'] }),
  tool({ id: 'adobe-analytics', name: 'Adobe Analytics', kind: 'reporting', wildcards: ['*.omniture.com'] }),
  tool({ id: 'dreamdata', name: 'Dreamdata', kind: 'reporting', hosts: ['app.dreamdata.io'] }),
  tool({ id: 'hockeystack', name: 'HockeyStack', kind: 'reporting', hosts: ['app.hockeystack.com'] }),
  tool({ id: 'supermetrics', name: 'Supermetrics', kind: 'reporting', hosts: ['hub.supermetrics.com'] }),
  tool({ id: 'whatagraph', name: 'Whatagraph', kind: 'reporting', hosts: ['app.whatagraph.com'] }),
];
