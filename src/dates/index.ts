export { findAbsoluteDates, type DateMatch } from './absolute.js';
