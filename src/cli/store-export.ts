/** `rasd export --json FILE`: the export of the whole store, written atomically (a temporary file renamed over FILE). */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { exportToJson } from '../export/build.js';
import { exportDocument } from '../server/export.js';
import type { Store } from '../store/store.js';

export async function writeStoreExport(store: Store, file: string): Promise<{ pages: number; articles: number; stories: number }> {
  const doc = await exportDocument(store.db);
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, exportToJson(doc), { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return { pages: doc.pages.length, articles: doc.articles.length, stories: doc.stories.length };
}
