/**
 * Fetching from the web (used by stage 0, src/sources): the polite Fetcher (fetcher.ts: per-host and total
 * limits from limiter.ts, timeouts, size limit, retries with back-off, redirects, conditional requests, format by
 * content) and feeds (feed.ts over the tolerant scanner xml-scan.ts: RSS 2.0, RSS 1.0, Atom, JSON Feed). A local
 * test server for all of it, and for the CLI's tests, is in test-server.ts (not exported: tests import it directly).
 */
export { Fetcher, formatOf, DEFAULT_USER_AGENT, type FetcherOptions, type FetchFormat, type FetchResult } from './fetcher.js';
export { parseFeed, looksLikeFeed, MAX_FEED_ITEMS, type Feed, type FeedItem, type ParseFeedOptions } from './feed.js';
export { HostLimiter, type Release } from './limiter.js';
