/**
 * Research & strategy: search, SEO and market research, reviews and analyst sites, surveys, customer insight.
 *
 * Judgement call: web search (Google /search, Bing, DuckDuckGo…) is research. During working hours search is
 * overwhelmingly looking things up for the work at hand; the Google home page and Maps stay neutral.
 */
import { tool, type CatalogTool } from './types';

const GOOGLE_SEARCH_DOMAINS = [
  'google.com',
  'google.co.uk',
  'google.de',
  'google.fr',
  'google.es',
  'google.it',
  'google.nl',
  'google.be',
  'google.ch',
  'google.at',
  'google.ie',
  'google.se',
  'google.dk',
  'google.no',
  'google.fi',
  'google.pl',
  'google.pt',
  'google.ca',
  'google.com.au',
  'google.co.nz',
  'google.co.in',
  'google.co.jp',
  'google.com.br',
  'google.com.mx',
  'google.com.sg',
  'google.co.za',
];

export const RESEARCH_TOOLS: CatalogTool[] = [
  tool({
    id: 'google-search',
    name: 'Google Search',
    kind: 'research',
    paths: GOOGLE_SEARCH_DOMAINS.flatMap((d) => [`${d}/search`, `${d}/webhp`]),
    note: 'Searching is research; the Google home page itself is neutral.',
  }),
  tool({ id: 'bing', name: 'Bing', kind: 'research', hosts: ['bing.com'] }),
  tool({ id: 'duckduckgo', name: 'DuckDuckGo', kind: 'research', hosts: ['duckduckgo.com'] }),
  tool({ id: 'brave-search', name: 'Brave Search', kind: 'research', hosts: ['search.brave.com'] }),
  tool({ id: 'ecosia', name: 'Ecosia', kind: 'research', hosts: ['ecosia.org'] }),
  tool({ id: 'kagi', name: 'Kagi', kind: 'research', hosts: ['kagi.com'] }),
  tool({
    id: 'perplexity',
    name: 'Perplexity',
    kind: 'research',
    hosts: ['perplexity.ai'],
    note: 'An answer engine with sources, used like search: research rather than AI drafting.',
  }),
  tool({ id: 'google-scholar', name: 'Google Scholar', kind: 'research', hosts: ['scholar.google.com'] }),
  tool({ id: 'google-trends', name: 'Google Trends', kind: 'research', hosts: ['trends.google.com'] }),
  tool({ id: 'google-alerts', name: 'Google Alerts', kind: 'research', paths: ['google.com/alerts'] }),
  tool({ id: 'think-with-google', name: 'Think with Google', kind: 'research', hosts: ['thinkwithgoogle.com'] }),
  tool({ id: 'wikipedia', name: 'Wikipedia', kind: 'research', hosts: ['wikipedia.org'], wildcards: ['*.wikipedia.org'] }),
  tool({ id: 'internet-archive', name: 'Internet Archive', kind: 'research', hosts: ['archive.org', 'web.archive.org'] }),
  // SEO and competitive research
  tool({ id: 'semrush', name: 'Semrush', kind: 'research', hosts: ['semrush.com'], wildcards: ['*.semrush.com'] }),
  tool({ id: 'ahrefs', name: 'Ahrefs', kind: 'research', hosts: ['ahrefs.com', 'app.ahrefs.com'] }),
  tool({ id: 'moz', name: 'Moz', kind: 'research', hosts: ['moz.com', 'analytics.moz.com'] }),
  tool({ id: 'similarweb', name: 'Similarweb', kind: 'research', hosts: ['similarweb.com', 'pro.similarweb.com'] }),
  tool({ id: 'sparktoro', name: 'SparkToro', kind: 'research', hosts: ['sparktoro.com', 'app.sparktoro.com'] }),
  tool({ id: 'answerthepublic', name: 'AnswerThePublic', kind: 'research', hosts: ['answerthepublic.com'] }),
  tool({ id: 'spyfu', name: 'SpyFu', kind: 'research', hosts: ['spyfu.com'] }),
  tool({ id: 'ubersuggest', name: 'Ubersuggest', kind: 'research', hosts: ['app.neilpatel.com'] }),
  tool({ id: 'buzzsumo', name: 'BuzzSumo', kind: 'research', hosts: ['buzzsumo.com', 'app.buzzsumo.com'] }),
  tool({ id: 'exploding-topics', name: 'Exploding Topics', kind: 'research', hosts: ['explodingtopics.com'] }),
  tool({ id: 'builtwith', name: 'BuiltWith', kind: 'research', hosts: ['builtwith.com'] }),
  tool({ id: 'feedly', name: 'Feedly', kind: 'research', hosts: ['feedly.com'] }),
  // Reviews, analysts and market data
  tool({ id: 'g2', name: 'G2', kind: 'research', hosts: ['g2.com'] }),
  tool({ id: 'capterra', name: 'Capterra', kind: 'research', hosts: ['capterra.com'] }),
  tool({ id: 'trustradius', name: 'TrustRadius', kind: 'research', hosts: ['trustradius.com'] }),
  tool({ id: 'gartner', name: 'Gartner', kind: 'research', hosts: ['gartner.com'] }),
  tool({ id: 'forrester', name: 'Forrester', kind: 'research', hosts: ['forrester.com'] }),
  tool({ id: 'statista', name: 'Statista', kind: 'research', hosts: ['statista.com'] }),
  tool({ id: 'crunchbase', name: 'Crunchbase', kind: 'research', hosts: ['crunchbase.com'] }),
  tool({ id: 'hbr', name: 'Harvard Business Review', kind: 'research', hosts: ['hbr.org'] }),
  // Surveys and customer insight
  tool({ id: 'typeform', name: 'Typeform', kind: 'research', hosts: ['admin.typeform.com'] }),
  tool({ id: 'surveymonkey', name: 'SurveyMonkey', kind: 'research', hosts: ['surveymonkey.com'] }),
  tool({ id: 'qualtrics', name: 'Qualtrics', kind: 'research', wildcards: ['*.qualtrics.com'] }),
  tool({ id: 'dovetail', name: 'Dovetail', kind: 'research', hosts: ['dovetail.com'], wildcards: ['*.dovetail.com'] }),
  tool({ id: 'usertesting', name: 'UserTesting', kind: 'research', hosts: ['app.usertesting.com'] }),
  tool({ id: 'wynter', name: 'Wynter', kind: 'research', hosts: ['app.wynter.com'] }),
];
