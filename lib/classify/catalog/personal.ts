/**
 * Personal (neutral): video and music, social feeds, news, shopping, travel and weather.
 * Neutral time is never part of the creative share.
 */
import { tool, type CatalogTool } from './types';

const AMAZON = ['com', 'co.uk', 'de', 'fr', 'es', 'it', 'nl', 'se', 'pl', 'ca', 'com.au', 'in', 'co.jp', 'com.mx', 'com.br'];
const EBAY = ['com', 'co.uk', 'de', 'fr', 'it', 'es', 'ca', 'com.au', 'nl'];

export const PERSONAL_TOOLS: CatalogTool[] = [
  tool({ id: 'google', name: 'Google', kind: 'personal', hosts: ['google.com'], note: 'The home page and Google’s consumer pages; /search is research.' }),
  tool({ id: 'google-maps', name: 'Google Maps', kind: 'personal', hosts: ['maps.google.com'], paths: ['google.com/maps'] }),
  tool({ id: 'google-photos', name: 'Google Photos', kind: 'personal', hosts: ['photos.google.com'] }),
  tool({ id: 'google-news', name: 'Google News', kind: 'personal', hosts: ['news.google.com'] }),
  tool({ id: 'icloud', name: 'iCloud', kind: 'personal', hosts: ['icloud.com'] }),
  // Video and music
  tool({ id: 'youtube', name: 'YouTube', kind: 'personal', hosts: ['youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtu.be'] }),
  tool({ id: 'netflix', name: 'Netflix', kind: 'personal', hosts: ['netflix.com'] }),
  tool({ id: 'spotify', name: 'Spotify', kind: 'personal', hosts: ['open.spotify.com', 'spotify.com'] }),
  tool({ id: 'twitch', name: 'Twitch', kind: 'personal', hosts: ['twitch.tv'] }),
  tool({ id: 'prime-video', name: 'Prime Video', kind: 'personal', hosts: ['primevideo.com'] }),
  tool({ id: 'disney-plus', name: 'Disney+', kind: 'personal', hosts: ['disneyplus.com'] }),
  tool({ id: 'hulu', name: 'Hulu', kind: 'personal', hosts: ['hulu.com'] }),
  tool({ id: 'max', name: 'Max', kind: 'personal', hosts: ['max.com', 'play.max.com'] }),
  tool({ id: 'apple-tv', name: 'Apple TV', kind: 'personal', hosts: ['tv.apple.com'] }),
  tool({ id: 'imdb', name: 'IMDb', kind: 'personal', hosts: ['imdb.com', 'm.imdb.com'] }),
  // Social feeds
  tool({ id: 'reddit', name: 'Reddit', kind: 'personal', hosts: ['reddit.com'], wildcards: ['*.reddit.com'] }),
  tool({ id: 'x', name: 'X (Twitter)', kind: 'personal', hosts: ['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'] }),
  tool({ id: 'facebook', name: 'Facebook', kind: 'personal', hosts: ['facebook.com', 'm.facebook.com', 'web.facebook.com'] }),
  tool({ id: 'messenger', name: 'Messenger', kind: 'personal', hosts: ['messenger.com'] }),
  tool({ id: 'instagram', name: 'Instagram', kind: 'personal', hosts: ['instagram.com'] }),
  tool({ id: 'tiktok', name: 'TikTok', kind: 'personal', hosts: ['tiktok.com'] }),
  tool({ id: 'pinterest', name: 'Pinterest', kind: 'personal', hosts: ['pinterest.com'], wildcards: ['*.pinterest.com'] }),
  tool({ id: 'threads', name: 'Threads', kind: 'personal', hosts: ['threads.net', 'threads.com'] }),
  tool({ id: 'bluesky', name: 'Bluesky', kind: 'personal', hosts: ['bsky.app'] }),
  tool({ id: 'hacker-news', name: 'Hacker News', kind: 'personal', hosts: ['news.ycombinator.com'] }),
  tool({ id: 'medium', name: 'Medium', kind: 'personal', hosts: ['medium.com'], note: 'Reading Medium is personal; its editor is writing.' }),
  tool({ id: 'substack', name: 'Substack', kind: 'personal', hosts: ['substack.com'], wildcards: ['*.substack.com'], note: 'Reading newsletters is personal; the publishing dashboard (/publish) is writing.' }),
  // News
  tool({ id: 'nytimes', name: 'The New York Times', kind: 'personal', hosts: ['nytimes.com', 'm.nytimes.com'] }),
  tool({ id: 'bbc', name: 'BBC', kind: 'personal', hosts: ['bbc.co.uk', 'bbc.com'] }),
  tool({ id: 'cnn', name: 'CNN', kind: 'personal', hosts: ['cnn.com', 'edition.cnn.com'] }),
  tool({ id: 'the-guardian', name: 'The Guardian', kind: 'personal', hosts: ['theguardian.com'] }),
  tool({ id: 'washington-post', name: 'The Washington Post', kind: 'personal', hosts: ['washingtonpost.com'] }),
  tool({ id: 'wsj', name: 'The Wall Street Journal', kind: 'personal', hosts: ['wsj.com'] }),
  tool({ id: 'financial-times', name: 'Financial Times', kind: 'personal', hosts: ['ft.com'] }),
  tool({ id: 'bloomberg', name: 'Bloomberg', kind: 'personal', hosts: ['bloomberg.com'] }),
  tool({ id: 'reuters', name: 'Reuters', kind: 'personal', hosts: ['reuters.com'] }),
  tool({ id: 'ap-news', name: 'AP News', kind: 'personal', hosts: ['apnews.com'] }),
  tool({ id: 'fox-news', name: 'Fox News', kind: 'personal', hosts: ['foxnews.com'] }),
  tool({ id: 'nbc-news', name: 'NBC News', kind: 'personal', hosts: ['nbcnews.com'] }),
  tool({ id: 'the-verge', name: 'The Verge', kind: 'personal', hosts: ['theverge.com'] }),
  tool({ id: 'techcrunch', name: 'TechCrunch', kind: 'personal', hosts: ['techcrunch.com'] }),
  tool({ id: 'yahoo', name: 'Yahoo', kind: 'personal', hosts: ['yahoo.com'], wildcards: ['*.yahoo.com'] }),
  tool({ id: 'espn', name: 'ESPN', kind: 'personal', hosts: ['espn.com'] }),
  // Shopping and travel
  tool({ id: 'amazon', name: 'Amazon', kind: 'personal', hosts: [...AMAZON.map((tld) => `amazon.${tld}`), 'smile.amazon.com'] }),
  tool({ id: 'ebay', name: 'eBay', kind: 'personal', hosts: EBAY.map((tld) => `ebay.${tld}`) }),
  tool({ id: 'etsy', name: 'Etsy', kind: 'personal', hosts: ['etsy.com'] }),
  tool({ id: 'walmart', name: 'Walmart', kind: 'personal', hosts: ['walmart.com'] }),
  tool({ id: 'target', name: 'Target', kind: 'personal', hosts: ['target.com'] }),
  tool({ id: 'ikea', name: 'IKEA', kind: 'personal', hosts: ['ikea.com'] }),
  tool({ id: 'booking', name: 'Booking.com', kind: 'personal', hosts: ['booking.com'] }),
  tool({ id: 'airbnb', name: 'Airbnb', kind: 'personal', hosts: ['airbnb.com'] }),
  // Weather
  tool({
    id: 'weather',
    name: 'Weather',
    kind: 'personal',
    hosts: ['weather.com', 'accuweather.com', 'weather.gov', 'metoffice.gov.uk', 'wunderground.com', 'weather.yahoo.com'],
  }),
];
