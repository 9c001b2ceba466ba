/**
 * Walking the command line's files and folders into raw pages, lazily: a file is read only when the consumer
 * pulls it, so a folder of 10,000 pages is never held in memory at once.
 */
import { readdir, stat } from 'node:fs/promises';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic, RawPage } from '../types.js';

/** A path that was given or found but is not read, with why. */
export interface SkippedInput {
  source: string;
  warning: Diagnostic;
}

export function isSkipped(item: RawPage | SkippedInput): item is SkippedInput {
  return 'warning' in item;
}

const FORMATS: ReadonlyMap<string, RawPage['format']> = new Map([
  ['.txt', 'text'],
  ['.html', 'html'],
  ['.htm', 'html'],
]);

/** Files and folders (recursively), in a stable order, read one at a time as the caller pulls them. */
export async function* readInputs(args: string[]): AsyncGenerator<RawPage | SkippedInput> {
  for (const arg of args) {
    let st: Stats;
    try {
      st = await stat(arg);
    } catch (err) {
      yield unreadable(arg, err);
      continue;
    }
    if (st.isDirectory()) yield* walkFolder(arg, arg, folderPrefix(arg), [identity(st)]);
    else yield await readPage(arg, arg, st.isFile());
  }
}

/** "seeds/" and "seeds" both give "seeds/000.txt"; "/" stays "/". */
function folderPrefix(arg: string): string {
  const trimmed = arg.replace(/[/\\]+$/, '');
  return trimmed === '' ? '/' : `${trimmed}/`;
}

/** Device and inode: the same folder reached twice through a symlink has the same identity. */
function identity(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

type Kind = 'folder' | 'file' | 'other';

interface Entry {
  name: string;
  path: string;
  kind: Kind | null;
  error: unknown;
  /** Name with '/' appended for folders: sorting by it orders the walk as the sorted list of full paths. */
  key: string;
}

/** The entry's kind from its directory entry; only symlinks (and file systems that do not say) need a stat. */
async function kindOf(dirent: Dirent, path: string): Promise<Kind> {
  if (dirent.isDirectory()) return 'folder';
  if (dirent.isFile()) return 'file';
  if (dirent.isBlockDevice() || dirent.isCharacterDevice() || dirent.isFIFO() || dirent.isSocket()) return 'other';
  const st = await stat(path); // follows a symlink; throws for a dangling one
  return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
}

/**
 * Depth-first walk of one folder. `ancestors` holds the identities of the folders on the current path, so a
 * symlink that leads back into one of them is reported instead of followed forever.
 */
async function* walkFolder(
  dir: string,
  dirSource: string,
  prefix: string,
  ancestors: string[],
): AsyncGenerator<RawPage | SkippedInput> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield unreadable(dirSource, err);
    return;
  }
  const entries: Entry[] = [];
  for (const dirent of dirents) {
    const name = dirent.name;
    if (name.startsWith('.')) continue; // hidden files and folders are ignored silently
    const path = join(dir, name);
    try {
      const kind = await kindOf(dirent, path);
      entries.push({ name, path, kind, error: null, key: kind === 'folder' ? `${name}/` : name });
    } catch (error) {
      entries.push({ name, path, kind: null, error, key: name }); // e.g. a dangling symlink
    }
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const entry of entries) {
    const source = prefix + entry.name;
    if (entry.kind === null) {
      yield unreadable(source, entry.error);
    } else if (entry.kind === 'folder') {
      let id: string;
      try {
        id = identity(await stat(entry.path));
      } catch (err) {
        yield unreadable(source, err);
        continue;
      }
      if (ancestors.includes(id)) {
        yield { source, warning: diagnostic('input/unreadable', 'symbolic link loops back to a folder being read') };
      } else {
        yield* walkFolder(entry.path, source, `${source}/`, [...ancestors, id]);
      }
    } else {
      yield await readPage(entry.path, source, entry.kind === 'file');
    }
  }
}

async function readPage(path: string, source: string, isFile: boolean): Promise<RawPage | SkippedInput> {
  if (!isFile) return { source, warning: diagnostic('input/unsupported-type', 'not a regular file') };
  const ext = extname(path).toLowerCase();
  const format = FORMATS.get(ext);
  if (!format) {
    return { source, warning: diagnostic('input/unsupported-type', ext ? `${ext} files are not read` : 'no file extension') };
  }
  let bytes: Uint8Array;
  let size: number;
  try {
    size = statSync(path).size;
    // Read synchronously: analysis of a page is synchronous anyway, and a promise-based read of each small file
    // leaves the thread idle between pages (measured by npm run bench).
    bytes = size > MAX_PAGE_BYTES ? readHead(path, MAX_PAGE_BYTES) : readFileSync(path);
  } catch (err) {
    return unreadable(source, err);
  }
  const htmlInText = format === 'text' && looksLikeHtmlDocument(bytes);
  const page: RawPage = { source, bytes, format: htmlInText ? 'html' : format };
  const warnings: Diagnostic[] = [];
  if (size > MAX_PAGE_BYTES) warnings.push(diagnostic('input/too-large', `${mb(size)} MB; only the first ${mb(MAX_PAGE_BYTES)} MB were read`));
  if (htmlInText) warnings.push(diagnostic('input/html-in-text', `${ext} file read as HTML`));
  if (warnings.length > 0) page.warnings = warnings;
  return page;
}

const mb = (n: number): string => String(Number((n / 1024 / 1024).toFixed(1)));

/**
 * Largest page read whole. A news page is well under 2 MB even with its scripts; a file many times that (a dump, a
 * page with megabytes of inline data) is read up to here and analysed as far as that goes, with a warning
 * ('input/too-large'), so that memory stays bounded and the rest of the run proceeds. Reading the head rather than
 * skipping the file: a page's article comes near its start, so what is found there is worth keeping, and the head
 * costs no more than a page of that size. Measured for a 60 MB file: readInputs + decode grow RSS by about 10 MB;
 * the whole pipeline on the 4 MiB head takes ~12 s (nearly all in src/who). Through `rasd ingest` into an embedded
 * store the process peaks at ~730–840 MB (src/cli/huge.e2e.test.ts: the store itself ~390 MB, the rest the analysis
 * of dense text, ~100 MB per MB of it, and its linking), the same for a 60 MB and a 3 GiB file: which is why the cap
 * is not larger.
 */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

function readHead(path: string, n: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    let got = 0;
    for (let r = 1; got < n && r > 0; got += r) r = readSync(fd, buf, got, n - got, got);
    const head = buf.subarray(0, got);
    return head.subarray(0, cutPoint(head));
  } finally {
    closeSync(fd);
  }
}

/** How far back from the cap a line end is looked for. */
const LINE_BACK = 64 * 1024;

/**
 * Where to end the head of a file cut at the cap, so that no character is split (a split one would read as
 * invalid UTF-8): after the last line feed in its last 64 KiB (with the NUL after it when the line feed is the low
 * byte of a UTF-16LE code unit), else before a trailing incomplete UTF-8 sequence.
 */
export function cutPoint(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - LINE_BACK; i--) {
    if (bytes[i] !== 0x0a) continue;
    return i % 2 === 0 && i + 1 < n && bytes[i + 1] === 0 ? i + 2 : i + 1;
  }
  let i = n;
  while (i > 0 && n - i < 3 && (bytes[i - 1]! & 0xc0) === 0x80) i--;
  const lead = i > 0 ? bytes[i - 1]! : 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return length > 1 && n - (i - 1) < length ? i - 1 : n;
}

function unreadable(source: string, err: unknown): SkippedInput {
  const reason = err instanceof Error ? err.message : String(err);
  return { source, warning: diagnostic('input/unreadable', reason) };
}

/**
 * Whether a .txt file is really a whole HTML document: it starts (after an optional BOM, whitespace, an XML
 * declaration and comments such as a browser's "saved from url") with `<!doctype html` or `<html`. NUL bytes are
 * dropped first so that UTF-16 files are recognised too. A text with tags in it ("خبر <b>عاجل</b>") is not one.
 */
export function looksLikeHtmlDocument(bytes: Uint8Array): boolean {
  let head = '';
  const end = Math.min(bytes.length, 1024);
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b !== 0) head += String.fromCharCode(b);
  }
  head = head.replace(/^(?:\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/, '').replace(/^(?:\s+|<\?xml\s[^>]*>|<!--[\s\S]*?-->)+/, '');
  return /^<(?:!doctype\s+html|html)(?=[\s>/]|$)/i.test(head);
}
