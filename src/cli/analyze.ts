/**
 * `rasd analyze <files or folders…> [--json FILE] [--quiet]`: pulls pages from the input stage one at a time, runs
 * the pipeline on each, prints a summary per page (stdout) and warnings (stderr), and streams the export to FILE.
 */
import { performance } from 'node:perf_hooks';
import { readInputs as defaultReadInputs, type SkippedInput } from '../input/index.js';
import { analyzePage as defaultAnalyzePage } from '../pipeline.js';
import { diagnostic } from '../diagnostics.js';
import type { AnalyzedPage, Diagnostic, RawPage } from '../types.js';
import { ExportWriter } from '../export/writer.js';
import { exportPage, Linkers, pageId } from '../export/build.js';
import type { ExportStory } from '../export/types.js';
import type { CliIO } from './io.js';
import { clean, int } from './terminal.js';
import { emptyTotals, formatPage, formatProgress, formatStories, formatTotals, formatWarning, type ArticleLine, type Totals } from './summary.js';

export interface AnalyzeOptions {
  paths: string[];
  /** Export file, or null for none. */
  json: string | null;
  /** Self-contained HTML report file, or null for none. */
  html?: string | null;
  quiet: boolean;
}

function formatOf(source: string): 'text' | 'html' {
  return /\.html?$/i.test(source) ? 'html' : 'text';
}

/** A path the input stage did not read, as a page of the export: its warning, no articles, language 'und'. */
export function skippedPage(s: SkippedInput): AnalyzedPage {
  return { source: s.source, format: formatOf(s.source), encoding: null, language: 'und', size: 0, articles: [], warnings: [s.warning] };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The pipeline threw on this page (a bug, not a property of the data): the run goes on, and the page is kept like
 * an unreadable one.
 */
function failedPage(raw: RawPage, err: unknown): AnalyzedPage {
  const warning: Diagnostic = diagnostic('cli/analyze-failed', message(err));
  return { source: raw.source, format: raw.format, encoding: null, language: 'und', size: raw.bytes.length, articles: [], warnings: [warning] };
}

function writeFailed(file: string, err: unknown): string {
  const w = diagnostic('cli/write-failed', message(err));
  return `error: ${clean(file)}: ${w.rule}: ${clean(w.message)}\n`;
}

/** Runs `rasd analyze`; returns the exit code. */
export async function analyze(options: AnalyzeOptions, io: CliIO): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const readInputs = io.readInputs ?? defaultReadInputs;
  const analyzePage = io.analyzePage ?? defaultAnalyzePage;
  const progress = io.progress ?? { everyPages: 500, everyMs: 2000 };
  const tty = io.stderr.isTTY === true;
  const started = now();
  let lastProgress = started;

  // Open the export first: a file that cannot be written fails the run before any work.
  let writer: ExportWriter | null = null;
  if (options.json !== null) {
    try {
      writer = await ExportWriter.open(options.json);
    } catch (err) {
      io.stderr.write(writeFailed(options.json, err));
      return 1;
    }
  }

  // Stories are found across all pages: through the export writer's linkers, or (no --json) linkers of our own.
  const linkers = writer === null ? new Linkers() : null;
  const seenPages = new Set<string>();
  const lines = new Map<string, ArticleLine>();
  // The report holds the whole export anyway: its pages are kept in memory.
  const kept: AnalyzedPage[] | null = options.html ? [] : null;
  const remember = (p: AnalyzedPage): void => {
    const pid = pageId(p.source);
    if (seenPages.has(pid)) return;
    seenPages.add(pid);
    if (linkers) exportPage(p, linkers);
    p.articles.forEach((a, i) => lines.set(`${pid}-${i + 1}`, { role: a.role, title: a.title, outlet: a.outlet, published: a.published }));
  };

  const totals: Totals = emptyTotals();
  try {
    for await (const item of readInputs(options.paths)) {
      if (io.signal?.aborted) {
        await writer?.abort();
        io.stderr.write(`interrupted after ${int(totals.pages)} pages${options.json !== null ? `; ${clean(options.json)} was not written` : ''}\n`);
        return 130;
      }
      let page: AnalyzedPage;
      let analysed = false;
      if ('bytes' in item) {
        try {
          page = analyzePage(item);
          analysed = page.language === 'ar';
        } catch (err) {
          page = failedPage(item, err);
        }
      } else {
        page = skippedPage(item);
      }
      count(totals, page, analysed);

      if (!options.quiet) io.stdout.write(formatPage(page));
      if (!options.quiet) remember(page);
      kept?.push(page);
      for (const w of page.warnings) io.stderr.write(formatWarning(page.source, w));

      if (writer) {
        try {
          await writer.add(page);
        } catch (err) {
          io.stderr.write(writeFailed(options.json ?? '', err));
          await writer.abort();
          return 1;
        }
      }

      const t = now();
      if (totals.pages % progress.everyPages === 0 || (tty && t - lastProgress >= progress.everyMs)) {
        io.stderr.write(formatProgress(totals.pages, totals.bytes));
        lastProgress = t;
      }
    }
  } catch (err) {
    // The input stage itself failed (not one file: it reports those as skipped inputs).
    io.stderr.write(`error: ${clean(message(err))}\n`);
    await writer?.abort();
    io.stderr.write(formatTotals(totals, (now() - started) / 1000));
    return 1;
  }

  io.stderr.write(formatTotals(totals, (now() - started) / 1000));
  if (totals.analysed === 0) {
    await writer?.abort();
    const what = totals.pages === 0 ? 'no page was found' : 'no page could be analysed (every input was unreadable, unsupported or not Arabic)';
    io.stderr.write(`error: ${what}${options.json !== null ? `; ${clean(options.json)} was not written` : ''}\n`);
    return 1;
  }
  let stories: ExportStory[] = [];
  if (writer) {
    try {
      await writer.finish();
      stories = writer.result?.stories ?? [];
    } catch (err) {
      io.stderr.write(writeFailed(options.json ?? '', err));
      await writer.abort();
      return 1;
    }
  } else if (linkers && !options.quiet) {
    stories = linkers.finish().stories;
  }
  if (!options.quiet) io.stdout.write('\n' + formatStories(stories, (id) => lines.get(id)));
  if (options.html && kept) {
    try {
      const { buildExport } = await import('../export/build.js');
      const { renderReport } = await import('../web/report.js');
      const { writeFile, rename } = await import('node:fs/promises');
      const tmp = `${options.html}.${process.pid}.tmp`;
      await writeFile(tmp, renderReport(buildExport(kept)), 'utf8');
      await rename(tmp, options.html);
      io.stderr.write(`wrote the report ${clean(options.html)}\n`);
    } catch (err) {
      io.stderr.write(writeFailed(options.html, err));
      return 1;
    }
  }
  return 0;
}

function count(t: Totals, page: AnalyzedPage, analysed: boolean): void {
  t.pages++;
  t.bytes += page.size;
  t.warnings += page.warnings.length;
  if (analysed) t.analysed++;
  else t.skipped++;
  for (const a of page.articles) {
    if (a.role === 'main') t.main++;
    else if (a.role === 'related') t.related++;
    else t.teasers++;
  }
}
