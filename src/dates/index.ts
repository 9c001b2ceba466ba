export { findAbsoluteDates, type DateMatch } from './absolute.js';
export { findDates } from './find.js';
