/**
 * Stories across every article of the export: each article is placed as it streams in (StoryClusterer), a copy of
 * an article already placed (a reprint, a teaser of a full text) joins that article's story, and each story gathers
 * its digest (src/stories/digest.ts). At the end, every story gets its final speakers (merged entities) and its
 * count of independent reports and reprints (by the final `duplicateOf`).
 */
import { StoryClusterer, StoryDigest, terms } from '../stories/index.js';
import type { ExportArticle, ExportStory } from './types.js';

const KEYWORD_TERMS = 24;

export class StoryLinker {
  private readonly clusterer = new StoryClusterer();
  private readonly digests = new Map<string, StoryDigest>();
  private readonly storyOf = new Map<string, string>();
  private readonly teasers = new Set<string>();

  /**
   * One article (entity ids may still be provisional), with the first article of its group of copies (itself when
   * it repeats nothing seen so far). Returns its story id.
   */
  add(a: ExportArticle, firstCopy: string): string {
    const entities = [...new Set(a.mentions.map((m) => m.text))];
    // A full article whose only earlier copy is a teaser is placed on its own merits (a headline says little).
    // the terms of the article, computed once for the clusterer and the digest
    const titleTerms = terms(a.title);
    const textTerms = terms(a.text);
    const copyOf = firstCopy !== a.id && !(a.role !== 'teaser' && this.teasers.has(firstCopy)) ? this.storyOf.get(firstCopy) : undefined;
    if (a.role === 'teaser') this.teasers.add(a.id);
    let story: string;
    if (copyOf !== undefined) {
      this.clusterer.join(copyOf, a.id, a.published);
      story = copyOf;
    } else {
      story = this.clusterer.assign({ id: a.id, title: a.title, text: a.text, published: a.published, entities, teaser: a.role === 'teaser', titleTerms, textTerms });
    }
    this.storyOf.set(a.id, story);
    let digest = this.digests.get(story);
    if (!digest) this.digests.set(story, (digest = new StoryDigest()));
    digest.add({
      id: a.id,
      role: a.role,
      title: a.title,
      text: a.text,
      published: a.published,
      outlet: a.outlet,
      credits: a.credits,
      dates: a.dates,
      quotes: a.quotes,
      entities,
      titleTerms,
      textTerms,
      copy: copyOf !== undefined,
    });
    return story;
  }

  /** The stories, in the order they were opened, with final speakers and counts. */
  finish(
    speaker: (key: string) => { id: string | null; name: string | null },
    duplicateOf: (id: string) => string | null,
  ): { stories: ExportStory[]; storyOf: (id: string) => string | null } {
    const stories = this.clusterer.stories().map((s) => this.doc(s.id, s.articleIds, speaker, duplicateOf));
    return { stories, storyOf: (id) => this.storyOf.get(id) ?? null };
  }

  /** The ids of the stories, in the order they were opened, with their articles. */
  stories(): { id: string; articleIds: string[] }[] {
    return this.clusterer.stories();
  }

  /** The story each article was placed in. */
  storyOfArticle(id: string): string | null {
    return this.storyOf.get(id) ?? null;
  }

  /** The terms a story's keywords are drawn from (they move with the idf of the whole collection). */
  topTerms(id: string): string[] {
    return this.clusterer.topTerms(id, KEYWORD_TERMS);
  }

  /** One story's record. */
  doc(id: string, articleIds: string[], speaker: (key: string) => { id: string | null; name: string | null }, duplicateOf: (id: string) => string | null): ExportStory {
    const d = (this.digests.get(id) as StoryDigest).result(speaker, this.topTerms(id));
    const reprints = articleIds.filter((a) => duplicateOf(a) !== null).length;
    return {
      id,
      title: d.title,
      keywords: d.keywords,
      articleIds,
      start: d.start,
      end: d.end,
      outlets: d.outlets,
      reports: articleIds.length - reprints,
      reprints,
      summary: d.summary,
      timeline: d.timeline,
      speakers: d.speakers,
    };
  }
}
