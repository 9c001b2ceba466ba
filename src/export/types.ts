/**
 * The rasd export format, version 1, as TypeScript types. The public contract is /work/shared/spec/export.md
 * (copied as JSON Schema in export.schema.json beside this file); these types follow it field for field.
 */

export interface ExportWarning {
  rule: string;
  message: string;
}

export interface ExportPage {
  id: string;
  source: string;
  /** ISO 639-1 ("ar", "fa", …) or "und". */
  language: string | null;
  /** In page order. */
  articleIds: string[];
  warnings: ExportWarning[];
}

export interface ExportMention {
  entityId: string;
  text: string;
  start: number;
  end: number;
}

export interface ExportQuote {
  speakerId: string | null;
  speaker: string;
  text: string;
  kind: 'direct' | 'indirect';
  start: number;
  end: number;
  via: string[];
  date: string | null;
}

export interface ExportDate {
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY */
  value: string;
  start: number;
  end: number;
}

export interface ExportArticle {
  id: string;
  pageId: string;
  role: 'main' | 'related' | 'teaser';
  title: string;
  /** Body paragraphs joined by "\n\n". */
  text: string;
  captions: string[];
  /** YYYY-MM-DD or null. */
  published: string | null;
  outlet: string | null;
  credits: string[];
  duplicateOf: string | null;
  storyId: string | null;
  mentions: ExportMention[];
  quotes: ExportQuote[];
  dates: ExportDate[];
}

export interface ExportEntity {
  id: string;
  type: 'person' | 'organization' | 'location';
  name: string;
  variants: string[];
  roles: string[];
}

export interface ExportStory {
  id: string;
  title: string;
  keywords: string[];
  articleIds: string[];
  start: string | null;
  end: string | null;
  outlets: string[];
  reports: number;
  reprints: number;
  summary: string[];
  timeline: { date: string; text: string; articleId: string }[];
  /** Who said what in it, grouped by speaker (most quoted first), each speaker's quotes oldest first. */
  speakers: ExportSpeaker[];
}

export interface ExportSpeaker {
  /** null: an unnamed source ("مصدر في موسكو"), named by the words of the text. */
  entityId: string | null;
  name: string;
  quotes: { articleId: string; text: string; kind: 'direct' | 'indirect'; date: string | null; via: string[] }[];
}

export interface ExportDocument {
  format: 'rasd-export';
  version: 1;
  /** ISO date-time. */
  generatedAt: string;
  pages: ExportPage[];
  articles: ExportArticle[];
  entities: ExportEntity[];
  stories: ExportStory[];
}

export const EXPORT_FORMAT = 'rasd-export';
export const EXPORT_VERSION = 1;
