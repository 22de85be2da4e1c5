/**
 * CRM & marketing automation. Most time in these tools is record and campaign upkeep (admin);
 * the parts where the person writes, builds or reads reports are areas with their own kind.
 */
import { tool, type CatalogTool } from './types';

export const CRM_TOOLS: CatalogTool[] = [
  tool({
    id: 'hubspot',
    name: 'HubSpot',
    kind: 'admin',
    hosts: ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-na3.hubspot.com', 'app-ap1.hubspot.com'],
    areas: [
      { paths: ['/reports-dashboard', '/reports-list', '/report-builder', '/analytics', '/email/*/details', '/ads'], kind: 'reporting' },
      { paths: ['/email/*/edit', '/email/*/create'], kind: 'writing' },
      { paths: ['/website', '/pages', '/blog', '/content', '/design-manager', '/landing-pages', '/site-pages', '/forms', '/ctas'], kind: 'building' },
      { paths: ['/live-messages', '/inbox', '/sequences'], kind: 'messaging' },
      { paths: ['/meetings'], kind: 'meetings' },
      { paths: ['/tasks', '/social', '/campaigns'], kind: 'project' },
    ],
    note: 'CRM records, lists, workflows and settings are admin; marketing e-mail editing is writing; website, landing-page and blog editors are building; dashboards are reporting.',
  }),
  tool({
    id: 'salesforce',
    name: 'Salesforce',
    kind: 'admin',
    hosts: ['login.salesforce.com'],
    wildcards: ['*.lightning.force.com', '*.my.salesforce.com', '*.salesforce-setup.com'],
    areas: [
      {
        paths: [
          '/lightning/r/report',
          '/lightning/o/report',
          '/lightning/r/dashboard',
          '/lightning/o/dashboard',
          '/lightning/page/analytics',
          '/analytics',
        ],
        kind: 'reporting',
      },
    ],
  }),
  tool({ id: 'marketo', name: 'Marketo Engage', kind: 'admin', wildcards: ['*.marketo.com'] }),
  tool({ id: 'pardot', name: 'Account Engagement (Pardot)', kind: 'admin', hosts: ['pi.pardot.com'], wildcards: ['*.pardot.com'] }),
  tool({ id: 'salesforce-marketing-cloud', name: 'Marketing Cloud', kind: 'admin', wildcards: ['*.exacttarget.com', '*.marketingcloudapps.com'] }),
  tool({ id: 'adobe-experience-cloud', name: 'Adobe Experience Cloud', kind: 'admin', hosts: ['experience.adobe.com'] }),
  tool({
    id: 'mailchimp',
    name: 'Mailchimp',
    kind: 'admin',
    hosts: ['login.mailchimp.com'],
    wildcards: ['*.admin.mailchimp.com'],
    areas: [
      { paths: ['/campaigns/edit', '/campaigns/wizard', '/email/editor', '/email/templates/editor', '/templates/edit'], kind: 'writing' },
      { paths: ['/reports', '/analytics'], kind: 'reporting' },
      { paths: ['/landing-pages'], kind: 'building' },
    ],
  }),
  tool({
    id: 'klaviyo',
    name: 'Klaviyo',
    kind: 'admin',
    hosts: ['klaviyo.com'],
    areas: [
      { paths: ['/email-editor', '/template'], kind: 'writing' },
      { paths: ['/dashboard', '/analytics', '/reports'], kind: 'reporting' },
    ],
  }),
  tool({ id: 'customer-io', name: 'Customer.io', kind: 'admin', hosts: ['fly.customer.io', 'fly-eu.customer.io'] }),
  tool({ id: 'brevo', name: 'Brevo', kind: 'admin', hosts: ['app.brevo.com', 'my.brevo.com'] }),
  tool({ id: 'activecampaign', name: 'ActiveCampaign', kind: 'admin', wildcards: ['*.activehosted.com'] }),
  tool({ id: 'iterable', name: 'Iterable', kind: 'admin', hosts: ['app.iterable.com'] }),
  tool({ id: 'braze', name: 'Braze', kind: 'admin', wildcards: ['*.braze.com', '*.braze.eu'] }),
  tool({ id: 'segment', name: 'Segment', kind: 'admin', hosts: ['app.segment.com'] }),
  tool({ id: 'pipedrive', name: 'Pipedrive', kind: 'admin', wildcards: ['*.pipedrive.com'] }),
  tool({ id: 'zoho-crm', name: 'Zoho CRM', kind: 'admin', hosts: ['crm.zoho.com', 'crm.zoho.eu'] }),
  tool({ id: 'dynamics-365', name: 'Dynamics 365', kind: 'admin', wildcards: ['*.dynamics.com'] }),
  tool({ id: 'attio', name: 'Attio', kind: 'admin', hosts: ['app.attio.com'] }),
  tool({ id: 'close', name: 'Close', kind: 'admin', hosts: ['app.close.com'] }),
  // Data, enrichment and intent
  tool({ id: 'zoominfo', name: 'ZoomInfo', kind: 'admin', hosts: ['app.zoominfo.com', 'login.zoominfo.com'] }),
  tool({ id: 'apollo', name: 'Apollo', kind: 'admin', hosts: ['app.apollo.io'] }),
  tool({ id: 'clearbit', name: 'Clearbit', kind: 'admin', hosts: ['dashboard.clearbit.com'] }),
  tool({ id: 'lusha', name: 'Lusha', kind: 'admin', hosts: ['dashboard.lusha.com'] }),
  tool({ id: 'cognism', name: 'Cognism', kind: 'admin', hosts: ['app.cognism.com'] }),
  tool({ id: 'clay', name: 'Clay', kind: 'admin', hosts: ['app.clay.com'] }),
  tool({ id: 'linkedin-sales-navigator', name: 'LinkedIn Sales Navigator', kind: 'admin', paths: ['linkedin.com/sales'] }),
  tool({ id: '6sense', name: '6sense', kind: 'reporting', wildcards: ['*.6sense.com'], note: 'ABM intent and account dashboards: reporting.' }),
  tool({ id: 'demandbase', name: 'Demandbase', kind: 'reporting', wildcards: ['*.demandbase.com'] }),
  tool({
    id: 'gong',
    name: 'Gong',
    kind: 'research',
    hosts: ['app.gong.io'],
    wildcards: ['*.app.gong.io'],
    note: 'Marketers use Gong to listen to customer calls: voice-of-customer research.',
  }),
];
