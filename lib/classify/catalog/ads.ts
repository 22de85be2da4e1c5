/**
 * Ad managers. Judgement call: ads management counts as coordination / reporting. Most time in an ad
 * manager is reading performance and adjusting budgets, bids and audiences; the ad creative itself is
 * made in writing and design tools. Keyword research inside Google Ads is research.
 */
import { tool, type CatalogTool } from './types';

const NOTE = 'Ad managers are mostly performance reading and budget or audience changes: reporting.';

export const ADS_TOOLS: CatalogTool[] = [
  tool({
    id: 'google-ads',
    name: 'Google Ads',
    kind: 'reporting',
    hosts: ['ads.google.com'],
    areas: [{ paths: ['/aw/keywordplanner'], kind: 'research' }],
    note: NOTE,
  }),
  tool({
    id: 'google-ads-transparency',
    name: 'Google Ads Transparency Center',
    kind: 'research',
    hosts: ['adstransparency.google.com'],
    note: 'Looking up competitors’ ads is research.',
  }),
  tool({
    id: 'meta-ad-library',
    name: 'Meta Ad Library',
    kind: 'research',
    paths: ['facebook.com/ads/library'],
    note: 'Looking up competitors’ ads is research.',
  }),
  tool({
    id: 'meta-ads-manager',
    name: 'Meta Ads Manager',
    kind: 'reporting',
    hosts: ['adsmanager.facebook.com'],
    paths: [
      'facebook.com/adsmanager',
      'business.facebook.com/adsmanager',
      'facebook.com/ads/manager',
      'business.facebook.com/ads/manager',
    ],
    note: NOTE,
  }),
  tool({
    id: 'linkedin-campaign-manager',
    name: 'LinkedIn Campaign Manager',
    kind: 'reporting',
    paths: ['linkedin.com/campaignmanager'],
    note: NOTE,
  }),
  tool({
    id: 'microsoft-ads',
    name: 'Microsoft Advertising',
    kind: 'reporting',
    hosts: ['ui.ads.microsoft.com', 'ads.microsoft.com'],
    note: NOTE,
  }),
  tool({ id: 'x-ads', name: 'X Ads', kind: 'reporting', hosts: ['ads.x.com', 'ads.twitter.com'], note: NOTE }),
  tool({ id: 'reddit-ads', name: 'Reddit Ads', kind: 'reporting', hosts: ['ads.reddit.com'], note: NOTE }),
  tool({
    id: 'tiktok-ads',
    name: 'TikTok Ads Manager',
    kind: 'reporting',
    hosts: ['ads.tiktok.com', 'business.tiktok.com'],
    areas: [{ paths: ['/business/creativecenter'], kind: 'research' }],
    note: `${NOTE} The Creative Center (top ads, trends) is research.`,
  }),
  tool({ id: 'pinterest-ads', name: 'Pinterest Ads', kind: 'reporting', hosts: ['ads.pinterest.com'], note: NOTE }),
  tool({
    id: 'snapchat-ads',
    name: 'Snapchat Ads',
    kind: 'reporting',
    hosts: ['ads.snapchat.com', 'business.snapchat.com'],
    note: NOTE,
  }),
  tool({
    id: 'apple-search-ads',
    name: 'Apple Search Ads',
    kind: 'reporting',
    hosts: ['app.searchads.apple.com'],
    note: NOTE,
  }),
  tool({ id: 'amazon-ads', name: 'Amazon Ads', kind: 'reporting', hosts: ['advertising.amazon.com'], note: NOTE }),
  tool({ id: 'stackadapt', name: 'StackAdapt', kind: 'reporting', hosts: ['app.stackadapt.com'], note: NOTE }),
  tool({
    id: 'the-trade-desk',
    name: 'The Trade Desk',
    kind: 'reporting',
    hosts: ['desk.thetradedesk.com'],
    note: NOTE,
  }),
  tool({
    id: 'display-video-360',
    name: 'Display & Video 360',
    kind: 'reporting',
    hosts: ['displayvideo.google.com'],
    note: NOTE,
  }),
  tool({
    id: 'campaign-manager-360',
    name: 'Campaign Manager 360',
    kind: 'reporting',
    hosts: ['campaignmanager.google.com'],
    note: NOTE,
  }),
  tool({
    id: 'search-ads-360',
    name: 'Search Ads 360',
    kind: 'reporting',
    hosts: ['searchads.google.com'],
    note: NOTE,
  }),
  tool({
    id: 'spotify-ad-studio',
    name: 'Spotify Ad Studio',
    kind: 'reporting',
    hosts: ['adstudio.spotify.com'],
    note: NOTE,
  }),
  tool({ id: 'quora-ads', name: 'Quora Ads', kind: 'reporting', paths: ['quora.com/adsmanager'], note: NOTE }),
  tool({ id: 'rollworks', name: 'RollWorks', kind: 'reporting', hosts: ['app.rollworks.com'], note: NOTE }),
  tool({ id: 'adroll', name: 'AdRoll', kind: 'reporting', hosts: ['app.adroll.com'], note: NOTE }),
  tool({ id: 'smartly', name: 'Smartly', kind: 'reporting', hosts: ['app.smartly.io'], note: NOTE }),
  tool({ id: 'metadata-io', name: 'Metadata', kind: 'reporting', hosts: ['app.metadata.io'], note: NOTE }),
];
