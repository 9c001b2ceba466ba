/**
 * Duplicates and reprints across every article of the export: each article goes through the reprint index as it
 * streams in; at the end, every group of copies points to its earliest full article (by publication date, else by
 * the order pages were given). A teaser is never the original of a group that has a full article.
 */
import { ReprintIndex } from '../reprints/index.js';
import type { ArticleRole } from '../types.js';

interface Member {
  id: string;
  published: string | null;
  order: number;
  teaser: boolean;
}

export class ReprintLinker {
  private readonly index = new ReprintIndex();
  private readonly groupOf = new Map<string, string>();
  private readonly members = new Map<string, Member[]>();
  private order = 0;

  /**
   * One article, with the id of the article it repeats on its own page (already known), if any. Returns the first
   * article of its group of copies (itself when it repeats nothing seen so far).
   */
  add(id: string, role: ArticleRole, text: string, published: string | null, samePage: string | null): string {
    let group = samePage === null ? undefined : (this.groupOf.get(samePage) ?? samePage);
    if (group === undefined && text.trim() !== '') {
      const match = this.index.add(id, text)[0];
      if (match) group = this.groupOf.get(match.id) ?? match.id;
    }
    group ??= id;
    this.groupOf.set(id, group);
    const list = this.members.get(group) ?? [];
    list.push({ id, published, order: this.order++, teaser: role === 'teaser' });
    this.members.set(group, list);
    return group;
  }

  /** The article each one repeats (the earliest of its group), or null for originals and articles with no copy. */
  finish(): (id: string) => string | null {
    const original = this.originals();
    return (id) => original.get(id) ?? null;
  }

  /** Every copy, with the article it repeats. */
  originals(): Map<string, string> {
    const original = new Map<string, string>();
    for (const list of this.members.values()) {
      if (list.length < 2) continue;
      const full = list.filter((m) => !m.teaser);
      const first = (full.length > 0 ? full : list).reduce((a, b) => (earlier(b, a) ? b : a));
      for (const m of list) if (m.id !== first.id) original.set(m.id, first.id);
    }
    return original;
  }
}

function earlier(a: Member, b: Member): boolean {
  const pa = a.published ?? '9999';
  const pb = b.published ?? '9999';
  return pa !== pb ? pa < pb : a.order < b.order;
}
