/** Stage 0, sources: files, folders, page and feed URLs → raw pages (collect.ts). */
export { collect, isUrl, parseUrlList, type CollectOptions, type SourceItem, type SourceMemory, type SourceRecord } from './collect.js';
