/**
 * The store's schema, as versioned migrations (src/store/migrate.ts applies them). One schema for PGlite and for a
 * PostgreSQL server: plain tables, jsonb for the export's nested records, and a tsvector of our own terms
 * (src/search: clitics and diacritics folded, light stems) under the 'simple' configuration, so that both give the
 * same hits in the same order.
 *
 * - pages: what was ingested, in order (`seq`), with its content hash (the same page again changes nothing; a changed
 *   page replaces its old version in place) and the analysed page (`analysis`) that the linking step replays.
 * - articles, entities, article_entities, quotes, stories: the export's records as the last linking step left them;
 *   `meta.linked_seq` records which pages they include, so a killed run is completed by the next one. An article
 *   also keeps its provisional entity keys (`prov`, `keys`): when a later page merges two spellings into one
 *   entity, the articles holding the keys whose final id changed are found by `keys` and finished again.
 * - link_state: the linkers' state after the pages up to `meta.state_seq` (src/export/snapshot.ts), in chunks, so
 *   that linking new pages starts from it instead of replaying the whole store (src/store/link.ts).
 * - sources: every URL fetched (a page, or a feed and its items), with its ETag, Last-Modified, content hash and,
 *   for a feed's item, the item's date or title as the feed gave it (`stamp`): what lets `rasd watch` ask only
 *   for what changed and fetch only new or updated items.
 * - pages_seq: the ingest order; a sequence, so that two writers on one PostgreSQL server never take the same.
 */
import type { Migration } from './migrate.js';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'pages, articles, entities, quotes, stories, search',
    sql: `
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE pages (
  id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  source text NOT NULL,
  content_hash text NOT NULL,
  format text NOT NULL,
  language text NOT NULL,
  warnings jsonb NOT NULL,
  article_ids jsonb NOT NULL,
  analysis jsonb NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE articles (
  id text PRIMARY KEY,
  page_id text NOT NULL,
  seq bigint NOT NULL,
  ord integer NOT NULL,
  role text NOT NULL,
  title text NOT NULL,
  text text NOT NULL,
  captions jsonb NOT NULL,
  published text,
  outlet text,
  credits jsonb NOT NULL,
  duplicate_of text,
  story_id text,
  mentions jsonb NOT NULL,
  quotes jsonb NOT NULL,
  dates jsonb NOT NULL,
  search tsvector NOT NULL
);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_page ON articles (page_id);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_search ON articles USING gin (search);
CREATE TABLE entities (
  id text PRIMARY KEY,
  type text NOT NULL,
  name text NOT NULL,
  variants jsonb NOT NULL,
  roles jsonb NOT NULL,
  mentions integer NOT NULL
);
CREATE TABLE article_entities (
  article_id text NOT NULL,
  entity_id text NOT NULL,
  mentions integer NOT NULL,
  PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);
CREATE TABLE quotes (
  article_id text NOT NULL,
  n integer NOT NULL,
  story_id text,
  speaker_id text,
  speaker text NOT NULL,
  text text NOT NULL,
  kind text NOT NULL,
  via jsonb NOT NULL,
  date text,
  published text,
  PRIMARY KEY (article_id, n)
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_story ON quotes (story_id);
CREATE TABLE stories (
  id text PRIMARY KEY,
  ord integer NOT NULL,
  title text NOT NULL,
  start_date text,
  end_date text,
  article_count integer NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX stories_end ON stories (end_date);
`,
  },
  {
    version: 2,
    name: 'incremental linking: provisional keys per article, linker snapshot, page sequence',
    sql: `
ALTER TABLE articles ADD COLUMN prov jsonb;
ALTER TABLE articles ADD COLUMN keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX articles_keys ON articles USING gin (keys);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX articles_seq ON articles (seq);
ALTER TABLE entities ADD COLUMN search_key text NOT NULL DEFAULT '';
CREATE TABLE link_state (n integer PRIMARY KEY, chunk bytea NOT NULL);
CREATE SEQUENCE pages_seq;
SELECT setval('pages_seq', coalesce((SELECT max(seq) FROM pages), 0) + 1, false);
INSERT INTO meta (key, value) VALUES ('relink', 'full') ON CONFLICT (key) DO UPDATE SET value = 'full';
`,
  },
  {
    version: 3,
    name: 'sources: what was fetched from the web, for conditional requests and watch',
    sql: `
CREATE TABLE sources (
  url text PRIMARY KEY,
  kind text NOT NULL,
  final_url text,
  etag text,
  last_modified text,
  content_hash text,
  stamp text,
  feed text,
  status text NOT NULL,
  error text,
  fetched_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz
);
CREATE INDEX sources_feed ON sources (feed);
`,
  },
  {
    version: 4,
    name: 'search: credits indexed, so that an outlet filter is an index scan the search index combines with',
    sql: `
CREATE INDEX articles_credits ON articles USING gin (credits);
`,
  },
];
