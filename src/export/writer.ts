/**
 * Streams an export to a file while pages are analysed one at a time, holding only the current page's articles in
 * memory. Pages go straight into a temporary file beside the target, articles into a second temporary file; at
 * `finish()` the articles are copied after the pages, the file is synced and renamed over the target. A run that
 * fails or is aborted leaves the target untouched (and removes its temporary files).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { AnalyzedPage } from '../types.js';
import { exportPage, layout, pageId, Linkers } from './build.js';
import type { ExportArticle, ExportEntity, ExportStory } from './types.js';

const FLUSH_AT = 1 << 20; // characters buffered before a write

/** An append-only file with a write buffer. */
class BufferedFile {
  private chunks: string[] = [];
  private buffered = 0;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly fh: FileHandle,
  ) {}

  /** Creates the file; fails if it exists. */
  static async create(path: string): Promise<BufferedFile> {
    return new BufferedFile(path, await open(path, 'wx'));
  }

  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    await this.fh.writeFile(bytes);
  }

  async flush(): Promise<void> {
    if (this.chunks.length === 0) return;
    const data = this.chunks.join('');
    this.chunks = [];
    this.buffered = 0;
    // FileHandle#writeFile writes all of it from the current position (write() may write only part).
    await this.fh.writeFile(data, 'utf8');
  }

  async close(sync = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.flush();
      if (sync) await this.fh.sync();
    } finally {
      await this.fh.close();
    }
  }

  /** Closes without flushing and deletes the file; never throws. */
  async discard(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.fh.close().catch(() => undefined);
    }
    await rm(this.path, { force: true }).catch(() => undefined);
  }
}

export interface ExportWriterOptions {
  /** ISO date-time for `generatedAt`; now by default. */
  generatedAt?: string;
}

type State = 'open' | 'finished' | 'aborted' | 'failed';

export class ExportWriter {
  private state: State = 'open';
  private failure: unknown = undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly seen = new Set<string>();
  private readonly linkers = new Linkers();
  private pageCount = 0;
  private finished: { stories: ExportStory[]; entities: ExportEntity[] } | null = null;
  private articleCount = 0;

  private constructor(
    /** The export file, as given. */
    readonly file: string,
    readonly generatedAt: string,
    private readonly main: BufferedFile,
    private readonly articles: BufferedFile,
  ) {}

  /**
   * Creates the temporary files beside `file` and writes the head of the export. Fails early (before any page is
   * analysed) when the folder is missing or not writable, or `file` is a folder.
   */
  static async open(file: string, options: ExportWriterOptions = {}): Promise<ExportWriter> {
    const generatedAt = options.generatedAt ?? new Date().toISOString();
    const target = resolve(file);
    const existing = await stat(target).catch(() => null);
    if (existing?.isDirectory()) throw new Error(`${file} is a folder`);
    const stem = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}`);
    const main = await BufferedFile.create(`${stem}.tmp`);
    let articles: BufferedFile;
    try {
      articles = await BufferedFile.create(`${stem}.articles.tmp`);
    } catch (err) {
      await main.discard();
      throw err;
    }
    const writer = new ExportWriter(file, generatedAt, main, articles);
    await writer.run(() => main.write(layout.head(generatedAt)));
    return writer;
  }

  /** Pages written so far. */
  get pages(): number {
    return this.pageCount;
  }

  /** Articles written so far. */
  get articleTotal(): number {
    return this.articleCount;
  }

  /**
   * Adds one analysed page and its articles. Resolves to false (and writes nothing) when a page with the same
   * source was already added: its ids would repeat.
   */
  add(page: AnalyzedPage): Promise<boolean> {
    return this.run(async () => {
      if (this.seen.has(pageId(page.source))) return false;
      const rec = exportPage(page, this.linkers);
      this.seen.add(rec.page.id);
      await this.main.write(layout.item(rec.page, this.pageCount));
      this.pageCount++;
      for (const a of rec.articles) {
        await this.articles.write(layout.item(a, this.articleCount));
        this.articleCount++;
      }
      return true;
    });
  }

  /** The stories and entities written, once `finish` is done (null before). */
  get result(): { stories: ExportStory[]; entities: ExportEntity[] } | null {
    return this.finished;
  }

  /** Completes the export and moves it into place. */
  finish(): Promise<void> {
    return this.run(async () => {
      const { main, articles } = this;
      await main.write(layout.close(this.pageCount) + layout.open('articles'));
      await articles.close();
      // Articles were written with provisional entity keys: one record a line, each now gets its final ids.
      const { entities, stories, finalize } = this.linkers.finish();
      let n = 0;
      const lines = createInterface({ input: createReadStream(articles.path, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        const json = line.endsWith(',') ? line.slice(0, -1) : line;
        if (!json) continue;
        await main.write(layout.item(finalize(JSON.parse(json) as ExportArticle), n++));
      }
      await main.write(layout.close(this.articleCount) + layout.open('entities'));
      for (let i = 0; i < entities.length; i++) await main.write(layout.item(entities[i], i));
      await main.write(layout.close(entities.length) + layout.open('stories'));
      for (let i = 0; i < stories.length; i++) await main.write(layout.item(stories[i], i));
      await main.write(layout.close(stories.length) + layout.end);
      await main.close(true);
      await rename(main.path, resolve(this.file));
      await articles.discard();
      this.finished = { stories, entities };
      this.state = 'finished';
    });
  }

  /** Gives up: removes the temporary files and leaves the target as it was. Safe to call at any time. */
  async abort(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.state === 'finished' || this.state === 'aborted') return;
    this.state = 'aborted';
    await Promise.all([this.main.discard(), this.articles.discard()]);
  }

  /** Runs one step after the previous ones; a failed step discards the temporary files and fails every later one. */
  private run<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (this.state === 'failed') throw this.failure;
      if (this.state !== 'open') throw new Error(`the export writer is ${this.state}`);
      try {
        return await step();
      } catch (err) {
        this.state = 'failed';
        this.failure = err;
        await Promise.all([this.main.discard(), this.articles.discard()]);
        throw err;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
