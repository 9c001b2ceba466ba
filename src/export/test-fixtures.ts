/** Synthetic analysed pages for the export and CLI tests (not used at run time). */
import type { AnalyzedPage, Article } from '../types.js';

function article(over: Partial<Article> & Pick<Article, 'role' | 'title'>): Article {
  return { paragraphs: [], captions: [], published: null, outlet: null, credits: [], duplicateOf: null, dates: [], mentions: [], quotes: [], ...over };
}

/** A news page with its main article, a related article and two teasers, one of which repeats the related one. */
export const newsPage: AnalyzedPage = {
  source: 'seeds/000.html',
  format: 'html',
  encoding: 'utf-8',
  language: 'ar',
  size: 4321,
  articles: [
    article({
      role: 'main',
      title: 'الكرملين: بوتين يلتقي أردوغان الأسبوع المقبل',
      paragraphs: ['قال الناطق باسم الكرملين دميتري بيسكوف إن الرئيس فلاديمير بوتين سيلتقي نظيره التركي.', 'وأضاف أن اللقاء سيعقد في سوتشي.'],
      captions: ['بوتين وأردوغان في لقاء سابق (رويترز)', 'بوتين وأردوغان في لقاء سابق (رويترز)'],
      published: '2024-03-05',
      outlet: 'إم تي آي نيوز',
      credits: ['إم تي آي نيوز / وكالات'],
    }),
    article({ role: 'related', title: 'أنقرة ترحب بالوساطة الروسية', paragraphs: ['رحبت أنقرة بالوساطة.', 'وقالت الخارجية التركية إن الحوار مستمر.'], credits: ['CNN'] }),
    article({ role: 'teaser', title: 'أنقرة ترحب بالوساطة الروسية', paragraphs: ['رحبت أنقرة بالوساطة.'], duplicateOf: 1 }),
    article({ role: 'teaser', title: 'أسعار النفط ترتفع', published: '2024-03-04' }),
  ],
  warnings: [{ rule: 'input/encoding-guess', message: 'the encoding was not declared and had to be detected' }],
};

/** A page whose file could not be read: its warning and no articles. */
export const unreadablePage: AnalyzedPage = {
  source: 'seeds/broken.pdf',
  format: 'text',
  encoding: null,
  language: 'und',
  size: 0,
  articles: [],
  warnings: [{ rule: 'input/unsupported-type', message: 'file type is not one rasd reads (.txt, .html, .htm)' }],
};

/** A page in English: kept, labelled, not analysed. */
export const englishPage: AnalyzedPage = {
  source: 'seeds/en.txt',
  format: 'text',
  encoding: 'utf-8',
  language: 'en',
  size: 120,
  articles: [],
  warnings: [{ rule: 'language/not-arabic', message: 'the page is not in Arabic and was not analysed' }],
};

/** A plain-text page in windows-1256 with only a main article and no date. */
export const textPage: AnalyzedPage = {
  source: 'seeds/001.txt',
  format: 'text',
  encoding: 'windows-1256',
  language: 'ar',
  size: 900,
  articles: [article({ role: 'main', title: 'أمطار غزيرة في صنعاء', paragraphs: ['هطلت أمطار غزيرة على العاصمة.'] })],
  warnings: [],
};

export const allPages: AnalyzedPage[] = [newsPage, unreadablePage, englishPage, textPage];
