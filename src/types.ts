/**
 * The types that flow between rasd's stages. Each stage takes the previous stage's output and returns its own
 * (see pipeline.ts for the order). Problems found in the data are recorded as diagnostics, never thrown.
 */

/** Something a stage could not read or decide, and why. `rule` is a stable id from diagnostics.ts. */
export interface Diagnostic {
  rule: string;
  message: string;
}

/** A file or URL's raw bytes, as the input stage found them. */
export interface RawPage {
  /** The argument as given, or folder argument joined with the path inside it ("seeds/000.txt"), or the URL. */
  source: string;
  bytes: Uint8Array;
  /** From the file name or content type; 'html' pages go through the html stage. */
  format: 'text' | 'html';
  /** The charset the transport declared (an HTTP Content-Type header), checked against the bytes like a meta charset. */
  charset?: string | null;
  /** What reading it already noticed (a file too large to read whole). */
  warnings?: Diagnostic[];
}

/** A page decoded to text, with its language identified. */
export interface DecodedPage {
  source: string;
  format: 'text' | 'html';
  text: string;
  /** WHATWG encoding label that was detected ("utf-8", "utf-16le", "windows-1256", "iso-8859-6"), or null. */
  encoding: string | null;
  /** ISO 639-1 code ("ar", "fa", "ur", "en", …) or "und". */
  language: string;
  warnings: Diagnostic[];
}

/** What the HTML structure says a block is; text pages have no hints. */
export type BlockHint =
  | 'title' // the page's own headline (h1, og:title)
  | 'heading' // another heading (h2–h4, a card title)
  | 'caption' // figcaption, image credit
  | 'date' // <time>, a date element
  | 'byline' // author / source element
  | 'label' // a list or section label ("Related Posts")
  | 'boilerplate'; // nav, footer, comment form, tag list: to drop

/** One line or paragraph of a page, in page order. */
export interface Block {
  text: string;
  hint?: BlockHint;
  /** HTML only: 'main' for blocks inside the main content Readability found, 'aside' for the rest. */
  zone?: 'main' | 'aside';
  /** HTML only: blocks from the same card or article container share a group number. */
  group?: number;
}

/** Metadata a page states about itself outside its text (HTML meta tags, JSON-LD). */
export interface PageMeta {
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
  outlet?: string;
}

/** A page as a list of blocks, ready for segmentation. */
export interface BlockPage {
  source: string;
  language: string;
  blocks: Block[];
  meta: PageMeta;
  warnings: Diagnostic[];
}

export type ArticleRole = 'main' | 'related' | 'teaser';

/** An article as segmentation cuts it out of a page (no ids yet). */
export interface Article {
  role: ArticleRole;
  title: string;
  paragraphs: string[];
  captions: string[];
  /** YYYY-MM-DD, only where the page states it for this article. */
  published: string | null;
  outlet: string | null;
  credits: string[];
  /** Index (in the page's article list) of the article this one repeats, or null. */
  duplicateOf: number | null;
  /** Filled by the who-said-what stages; offsets into `paragraphs.join('\n\n')`. */
  dates: DateMention[];
  mentions: EntityMention[];
  quotes: QuoteMention[];
}

/** The result of analysing one page. */
export interface AnalyzedPage {
  source: string;
  format: 'text' | 'html';
  encoding: string | null;
  language: string;
  /** Bytes of page text read (for throughput numbers). */
  size: number;
  articles: Article[];
  warnings: Diagnostic[];
}

/* ---- Who said what: the types of the dates, entities and quotes stages (issue 3). Offsets are UTF-16 offsets
 * into the article's text (its paragraphs joined by "\n\n"). ---- */

/** A date expression with its value, only where it is certain. */
export interface DateMention {
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  start: number;
  end: number;
}

export type EntityType = 'person' | 'organization' | 'location';

/** A name as found in one article, before entities are merged across articles. */
export interface EntityMention {
  /** The name itself, without clitics ("بوتين" in "وبوتين"). */
  text: string;
  start: number;
  end: number;
  type: EntityType;
  /** Titles and roles the text gives this mention ("الناطق الرئاسي الروسي"), as printed. */
  roles: string[];
}

/** A quotation as found in one article, before its speaker is linked to an entity. */
export interface QuoteMention {
  /** The speaker as the text names or describes them ("ديمتري بيسكوف", "الرئيس الروسي", "مصدر في موسكو"). */
  speaker: string;
  /** Span of that speaker text in the article, or null when it is carried over (continuation: "وأضاف:"). */
  speakerStart: number | null;
  speakerEnd: number | null;
  /** True for unnamed sources ("مصدر في موسكو", "مسؤولان تركيان كبيران", "مصادر لم تسمّها"). */
  unnamed: boolean;
  text: string;
  kind: 'direct' | 'indirect';
  start: number;
  end: number;
  /** Who relayed it, nearest first ("بلومبرغ" in «نقلت بلومبرغ عن مصدر…»). */
  via: string[];
  /** When it was said, where the text tells: YYYY-MM-DD. */
  date: string | null;
}
