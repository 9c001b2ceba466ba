/**
 * Segmentation: a page's blocks → its main article, the other complete articles it carries, and teasers, with
 * captions, credits and publication dates apart and boilerplate gone. Three steps, each in its own file:
 * classify lines (lines.ts) → group them into units (units.ts) → give units their roles (roles.ts).
 */
import type { Article, BlockPage, Diagnostic } from '../types.js';
import { classifyLines } from './lines.js';
import { buildUnits } from './units.js';
import { chooseRoles, toArticles } from './roles.js';

export function segment(page: BlockPage): { articles: Article[]; warnings: Diagnostic[] } {
  const lines = classifyLines(page.blocks);
  const { units, pageDates } = buildUnits(lines);
  const roles = chooseRoles(units, lines);
  return toArticles(units, roles, lines, pageDates, page.meta);
}
