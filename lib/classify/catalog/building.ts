/**
 * Web & landing pages: site builders, CMS, landing-page and form builders, experiments, code and hosting.
 *
 * Judgement call: writing a post inside a CMS counts as building (the CMS is where pages are built);
 * draft in a writing tool, or add a rule such as a regex on `/wp-admin/post` to count CMS drafting as writing.
 */
import { tool, type CatalogTool } from './types';

export const BUILDING_TOOLS: CatalogTool[] = [
  tool({ id: 'webflow', name: 'Webflow', kind: 'building', hosts: ['webflow.com'], wildcards: ['*.design.webflow.com', '*.webflow.io'] }),
  tool({
    id: 'wordpress',
    name: 'WordPress',
    kind: 'building',
    paths: ['/wp-admin', '/wp-login.php'],
    note: 'The WordPress admin on any host: a path rule independent of the host, so every self-hosted site is covered.',
  }),
  tool({
    id: 'wordpress-com',
    name: 'WordPress.com',
    kind: 'building',
    hosts: ['wordpress.com'],
    // More specific than the any-host `/wp-admin` rule, so the admin of a hosted site stays WordPress.com.
    paths: ['wordpress.com/wp-admin', '*.wordpress.com/wp-admin', '*.wordpress.com/wp-login.php'],
    note: 'The dashboard (wordpress.com) and each site’s /wp-admin. Reading a blog hosted there (jane.wordpress.com/2024/…) is not building.',
  }),
  tool({
    id: 'ghost',
    name: 'Ghost',
    kind: 'building',
    paths: ['/ghost'],
    note: 'The Ghost admin lives at /ghost on the publication’s own host (also *.ghost.io); reading a publication is not building.',
  }),
  tool({ id: 'contentful', name: 'Contentful', kind: 'building', hosts: ['app.contentful.com', 'app.eu.contentful.com'] }),
  tool({ id: 'sanity', name: 'Sanity', kind: 'building', hosts: ['sanity.io'], wildcards: ['*.sanity.studio'] }),
  tool({ id: 'storyblok', name: 'Storyblok', kind: 'building', hosts: ['app.storyblok.com'] }),
  tool({ id: 'contentstack', name: 'Contentstack', kind: 'building', hosts: ['app.contentstack.com', 'eu-app.contentstack.com'] }),
  tool({
    id: 'adobe-experience-manager',
    name: 'Adobe Experience Manager',
    kind: 'building',
    wildcards: ['*.adobeaemcloud.com'],
    note: 'AEM as a Cloud Service author instances (author-p…-e….adobeaemcloud.com).',
  }),
  tool({ id: 'sitecore', name: 'Sitecore', kind: 'building', wildcards: ['*.sitecorecloud.io'] }),
  tool({ id: 'hygraph', name: 'Hygraph', kind: 'building', hosts: ['app.hygraph.com'] }),
  tool({ id: 'prismic', name: 'Prismic', kind: 'building', wildcards: ['*.prismic.io'] }),
  tool({ id: 'builder-io', name: 'Builder.io', kind: 'building', hosts: ['builder.io'] }),
  tool({ id: 'framer', name: 'Framer', kind: 'building', hosts: ['framer.com'] }),
  tool({ id: 'unbounce', name: 'Unbounce', kind: 'building', hosts: ['app.unbounce.com'] }),
  tool({ id: 'instapage', name: 'Instapage', kind: 'building', hosts: ['app.instapage.com'] }),
  tool({ id: 'leadpages', name: 'Leadpages', kind: 'building', hosts: ['my.leadpages.com'] }),
  tool({ id: 'wix', name: 'Wix', kind: 'building', hosts: ['editor.wix.com', 'manage.wix.com', 'wix.com'] }),
  tool({ id: 'squarespace', name: 'Squarespace', kind: 'building', hosts: ['squarespace.com'], wildcards: ['*.squarespace.com'] }),
  tool({ id: 'carrd', name: 'Carrd', kind: 'building', hosts: ['carrd.co'] }),
  tool({ id: 'shopify-admin', name: 'Shopify admin', kind: 'building', hosts: ['admin.shopify.com'] }),
  tool({
    id: 'google-sites',
    name: 'Google Sites',
    kind: 'building',
    hosts: ['sites.google.com'],
    areas: [{ paths: ['/view'], kind: 'admin' }],
    note: 'Editing a site is building; reading a published one (/view/…, often the intranet) is admin, like SharePoint.',
  }),
  // Forms
  tool({
    id: 'google-forms',
    name: 'Google Forms',
    kind: 'building',
    hosts: ['forms.google.com'],
    paths: ['docs.google.com/forms', 'docs.google.com/a/*/forms'],
    note: 'Building a form or survey is building; filling someone else’s form in (/forms/d/e/…) is admin.',
  }),
  tool({ id: 'google-forms-response', name: 'Google Forms (filling in)', kind: 'admin', paths: ['docs.google.com/forms/d/e'] }),
  tool({
    id: 'microsoft-forms',
    name: 'Microsoft Forms',
    kind: 'building',
    hosts: ['forms.office.com', 'forms.cloud.microsoft'],
    areas: [{ paths: ['/r'], kind: 'admin' }],
    note: 'Building a form is building; answering one through a share link (/r/…) is admin.',
  }),
  tool({
    id: 'tally',
    name: 'Tally',
    kind: 'building',
    hosts: ['tally.so'],
    areas: [{ paths: ['/r'], kind: 'admin' }],
    note: 'Building a form is building; filling one in (/r/…) is admin.',
  }),
  tool({ id: 'jotform', name: 'Jotform', kind: 'building', hosts: ['jotform.com'] }),
  // Experiments
  tool({ id: 'optimizely', name: 'Optimizely', kind: 'building', hosts: ['app.optimizely.com'] }),
  tool({ id: 'vwo', name: 'VWO', kind: 'building', hosts: ['app.vwo.com'] }),
  tool({ id: 'ab-tasty', name: 'AB Tasty', kind: 'building', hosts: ['app2.abtasty.com', 'app.abtasty.com'] }),
  tool({ id: 'uberflip', name: 'Uberflip', kind: 'building', hosts: ['app.uberflip.com'], note: 'Content hubs.' }),
  tool({ id: 'mutiny', name: 'Mutiny', kind: 'building', hosts: ['app.mutinyhq.com'], note: 'Website personalisation.' }),
  // Interactive product demos
  tool({ id: 'navattic', name: 'Navattic', kind: 'building', hosts: ['app.navattic.com'] }),
  tool({ id: 'storylane', name: 'Storylane', kind: 'building', hosts: ['app.storylane.io'] }),
  tool({ id: 'pagespeed-insights', name: 'PageSpeed Insights', kind: 'building', hosts: ['pagespeed.web.dev'] }),
  // Code, hosting and AI app builders
  tool({ id: 'github', name: 'GitHub', kind: 'building', hosts: ['github.com', 'gist.github.com'] }),
  tool({ id: 'gitlab', name: 'GitLab', kind: 'building', hosts: ['gitlab.com'] }),
  tool({ id: 'bitbucket', name: 'Bitbucket', kind: 'building', hosts: ['bitbucket.org'] }),
  tool({ id: 'vercel', name: 'Vercel', kind: 'building', hosts: ['vercel.com'] }),
  tool({ id: 'netlify', name: 'Netlify', kind: 'building', hosts: ['app.netlify.com'] }),
  tool({ id: 'cloudflare', name: 'Cloudflare', kind: 'building', hosts: ['dash.cloudflare.com'] }),
  tool({ id: 'codepen', name: 'CodePen', kind: 'building', hosts: ['codepen.io'] }),
  tool({ id: 'replit', name: 'Replit', kind: 'building', hosts: ['replit.com'] }),
  tool({ id: 'lovable', name: 'Lovable', kind: 'building', hosts: ['lovable.dev'] }),
  tool({ id: 'bolt', name: 'Bolt', kind: 'building', hosts: ['bolt.new'] }),
  tool({ id: 'v0', name: 'v0', kind: 'building', hosts: ['v0.dev', 'v0.app'] }),
  tool({ id: 'google-apps-script', name: 'Apps Script', kind: 'building', hosts: ['script.google.com'] }),
  tool({ id: 'google-cloud-console', name: 'Google Cloud console', kind: 'building', hosts: ['console.cloud.google.com'] }),
  tool({ id: 'aws-console', name: 'AWS console', kind: 'building', hosts: ['console.aws.amazon.com'], wildcards: ['*.console.aws.amazon.com'] }),
  tool({ id: 'azure-portal', name: 'Azure portal', kind: 'building', hosts: ['portal.azure.com'] }),
];
