/**
 * Fetching from the web (used by stage 0, src/sources): the polite Fetcher (fetcher.ts, limiter.ts) and feeds
 * (feed.ts). A test server for all of it is in test-server.ts.
 */
export { Fetcher, formatOf, DEFAULT_USER_AGENT, type FetcherOptions, type FetchFormat, type FetchResult } from './fetcher.js';
export { parseFeed, looksLikeFeed, type Feed, type FeedItem } from './feed.js';
export { HostLimiter, type Release } from './limiter.js';
