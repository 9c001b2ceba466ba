export type { ExportArticle, ExportDate, ExportDocument, ExportEntity, ExportMention, ExportPage, ExportQuote, ExportStory, ExportWarning } from './types.js';
export { EXPORT_FORMAT, EXPORT_VERSION } from './types.js';
export { articleId, buildExport, exportPage, exportToJson, pageId } from './build.js';
export { ExportWriter, type ExportWriterOptions } from './writer.js';
export { validateExport, exportSchema, type ExportValidationError } from './validate.js';
