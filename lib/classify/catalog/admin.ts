/**
 * Admin: files and storage, accounts and security, workspace admin, finance and expenses, HR, contracts,
 * automation plumbing, link and listing upkeep.
 *
 * Judgement call: file stores (Google Drive, Dropbox, Box, OneDrive, SharePoint) are admin. Finding,
 * sharing and organising files is upkeep; the writing and design happen in the editors they open.
 */
import { tool, type CatalogTool } from './types';

export const ADMIN_TOOLS: CatalogTool[] = [
  // Files
  tool({ id: 'google-drive', name: 'Google Drive', kind: 'admin', hosts: ['drive.google.com'], note: 'Organising and sharing files is upkeep; documents open in Docs, Sheets, Slides.' }),
  tool({ id: 'dropbox', name: 'Dropbox', kind: 'admin', hosts: ['dropbox.com'] }),
  tool({ id: 'box', name: 'Box', kind: 'admin', hosts: ['app.box.com'], wildcards: ['*.app.box.com'] }),
  tool({
    id: 'onedrive',
    name: 'OneDrive',
    kind: 'admin',
    hosts: ['onedrive.live.com', 'onedrive.cloud.microsoft'],
    paths: ['*.sharepoint.com/personal', '*.sharepoint.com/_layouts/*/onedrive.aspx'],
  }),
  tool({ id: 'sharepoint', name: 'SharePoint', kind: 'admin', wildcards: ['*.sharepoint.com'], note: 'Intranet sites and libraries; Office files opened from SharePoint count as their app.' }),
  tool({ id: 'brandfolder', name: 'Brandfolder', kind: 'admin', hosts: ['brandfolder.com'] }),
  tool({ id: 'bynder', name: 'Bynder', kind: 'admin', wildcards: ['*.bynder.com'] }),
  // Accounts, security and workspace admin
  tool({ id: 'google-admin', name: 'Google Admin', kind: 'admin', hosts: ['admin.google.com'] }),
  tool({ id: 'google-account', name: 'Google Account', kind: 'admin', hosts: ['myaccount.google.com', 'accounts.google.com'] }),
  tool({ id: 'google-contacts', name: 'Google Contacts', kind: 'admin', hosts: ['contacts.google.com'] }),
  tool({ id: 'microsoft-admin', name: 'Microsoft 365 admin', kind: 'admin', hosts: ['admin.microsoft.com', 'admin.cloud.microsoft', 'entra.microsoft.com'] }),
  tool({
    id: 'microsoft-account',
    name: 'Microsoft account',
    kind: 'admin',
    hosts: ['login.microsoftonline.com', 'account.microsoft.com', 'myaccount.microsoft.com', 'myapps.microsoft.com', 'mysignins.microsoft.com'],
  }),
  tool({ id: 'adobe-admin-console', name: 'Adobe Admin Console', kind: 'admin', hosts: ['adminconsole.adobe.com', 'account.adobe.com'] }),
  tool({ id: '1password', name: '1Password', kind: 'admin', hosts: ['my.1password.com'], wildcards: ['*.1password.com', '*.1password.eu'] }),
  tool({ id: 'lastpass', name: 'LastPass', kind: 'admin', hosts: ['lastpass.com'] }),
  tool({ id: 'bitwarden', name: 'Bitwarden', kind: 'admin', hosts: ['vault.bitwarden.com', 'vault.bitwarden.eu'] }),
  tool({ id: 'okta', name: 'Okta', kind: 'admin', wildcards: ['*.okta.com', '*.okta-emea.com', '*.oktapreview.com'] }),
  tool({ id: 'onelogin', name: 'OneLogin', kind: 'admin', wildcards: ['*.onelogin.com'] }),
  tool({ id: 'jumpcloud', name: 'JumpCloud', kind: 'admin', hosts: ['console.jumpcloud.com'] }),
  // Marketing plumbing and listings
  tool({ id: 'google-tag-manager', name: 'Google Tag Manager', kind: 'admin', hosts: ['tagmanager.google.com'] }),
  tool({ id: 'google-business-profile', name: 'Google Business Profile', kind: 'admin', hosts: ['business.google.com'] }),
  tool({ id: 'google-merchant-center', name: 'Google Merchant Center', kind: 'admin', hosts: ['merchants.google.com'] }),
  tool({ id: 'zapier', name: 'Zapier', kind: 'admin', hosts: ['zapier.com'] }),
  tool({ id: 'make', name: 'Make', kind: 'admin', hosts: ['make.com'], wildcards: ['*.make.com'] }),
  tool({ id: 'bitly', name: 'Bitly', kind: 'admin', hosts: ['app.bitly.com', 'bitly.com'] }),
  tool({ id: 'linktree', name: 'Linktree', kind: 'admin', hosts: ['linktr.ee'] }),
  // Finance, expenses and travel
  tool({ id: 'expensify', name: 'Expensify', kind: 'admin', hosts: ['expensify.com', 'new.expensify.com'] }),
  tool({ id: 'ramp', name: 'Ramp', kind: 'admin', hosts: ['app.ramp.com'] }),
  tool({ id: 'brex', name: 'Brex', kind: 'admin', hosts: ['dashboard.brex.com'] }),
  tool({ id: 'navan', name: 'Navan', kind: 'admin', hosts: ['app.navan.com'] }),
  tool({ id: 'sap-concur', name: 'SAP Concur', kind: 'admin', wildcards: ['*.concursolutions.com'] }),
  tool({ id: 'bill', name: 'BILL', kind: 'admin', hosts: ['app.bill.com'] }),
  tool({ id: 'coupa', name: 'Coupa', kind: 'admin', wildcards: ['*.coupahost.com'] }),
  // People and time
  tool({ id: 'bamboohr', name: 'BambooHR', kind: 'admin', wildcards: ['*.bamboohr.com'] }),
  tool({ id: 'workday', name: 'Workday', kind: 'admin', wildcards: ['*.myworkday.com', '*.workday.com'] }),
  tool({ id: 'rippling', name: 'Rippling', kind: 'admin', hosts: ['app.rippling.com'] }),
  tool({ id: 'gusto', name: 'Gusto', kind: 'admin', hosts: ['app.gusto.com'] }),
  tool({ id: 'deel', name: 'Deel', kind: 'admin', hosts: ['app.deel.com'] }),
  tool({ id: 'personio', name: 'Personio', kind: 'admin', wildcards: ['*.personio.de', '*.personio.com'] }),
  tool({ id: 'hibob', name: 'HiBob', kind: 'admin', hosts: ['app.hibob.com'] }),
  tool({ id: 'lattice', name: 'Lattice', kind: 'admin', wildcards: ['*.latticehq.com'] }),
  tool({ id: 'culture-amp', name: 'Culture Amp', kind: 'admin', wildcards: ['*.cultureamp.com'] }),
  tool({ id: 'harvest', name: 'Harvest', kind: 'admin', wildcards: ['*.harvestapp.com'] }),
  tool({ id: 'toggl', name: 'Toggl Track', kind: 'admin', hosts: ['track.toggl.com'] }),
  tool({ id: 'clockify', name: 'Clockify', kind: 'admin', hosts: ['app.clockify.me'] }),
  // Contracts and documents
  tool({ id: 'docusign', name: 'DocuSign', kind: 'admin', hosts: ['app.docusign.com'], wildcards: ['*.docusign.net'] }),
  tool({ id: 'pandadoc', name: 'PandaDoc', kind: 'admin', hosts: ['app.pandadoc.com'] }),
  tool({ id: 'adobe-acrobat', name: 'Adobe Acrobat', kind: 'admin', hosts: ['acrobat.adobe.com', 'documentcloud.adobe.com'] }),
];
