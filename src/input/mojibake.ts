/**
 * Mojibake, common in scraped Arabic: UTF-8 bytes read as windows-1252 (or latin-1) or as windows-874 (Thai) and
 * saved again, so that "ال" became "Ø§Ù„" or "ุงูฤ". Such text is undone by writing its characters back as the
 * bytes of the code page they were read with and reading those bytes as UTF-8.
 *
 * Signal: Arabic in UTF-8 is a lead byte 0xD8–0xDB followed by a continuation byte 0x80–0xBF; read as
 * windows-1252 that is one of "ØÙÚÛ" followed by a character of the continuation range, read as windows-874 one of
 * "ฺุู" followed by a Thai letter or a few punctuation marks. A text is repaired only when such pairs are many (at
 * least MIN_PAIRS, and most of its non-ASCII characters): a French or Thai page has few or none.
 *
 * Repair works on runs of characters that the code page can write (other characters, such as correct Arabic in the
 * page's template, are left as they are), so that a page whose template is fine and whose article is damaged comes
 * out whole. Bytes the code page could not keep (windows-1252 has no character for 0x81, 0x8D, 0x8F, 0x90, 0x9D;
 * scrapers often turned them into "?" or U+FFFD) cannot come back: the letters they belonged to come out as U+FFFD
 * and the page is flagged. Text damaged twice (UTF-8 of mojibake read again) is repaired twice. Linear in the length
 * of the text.
 */

export interface MojibakeResult {
  text: string;
  /** The code page the damage was undone with, or null when nothing was repaired. */
  codePage: 'windows-1252' | 'windows-874' | null;
  /** Characters of the result that came from repaired runs. */
  repaired: number;
  /** Letters that could not be recovered (their bytes were lost). */
  lost: number;
  /** Letters restored by the only likely reading of a lost byte (see `undo`). */
  guessed: number;
}

const MIN_PAIRS = 8;
const MIN_SHARE = 0.3;

/** char → byte for the upper half of a single-byte code page, as TextDecoder reads it. */
function reverseTable(label: string): Map<number, number> {
  const dec = new TextDecoder(label);
  const map = new Map<number, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = dec.decode(Uint8Array.of(b));
    if (ch !== '\uFFFD' && ch.length === 1) map.set(ch.charCodeAt(0), b);
  }
  // bytes a code page leaves undefined are often kept as the C1 control of the same number (latin-1 style)
  for (let b = 0x80; b <= 0x9f; b++) if (![...map.values()].includes(b)) map.set(b, b);
  return map;
}

/** windows-1252's 0x80–0x9F (Node's TextDecoder reads 'windows-1252' as latin-1 and gives C1 controls there). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function cp1252Table(): Map<number, number> {
  const map = reverseTable('latin1');
  for (let k = 0; k < 32; k++) map.set(CP1252_HIGH.charCodeAt(k), 0x80 + k);
  return map;
}

const TABLES = {
  'windows-1252': cp1252Table(),
  'windows-874': reverseTable('windows-874'),
} as const;

type CodePage = keyof typeof TABLES;

/**
 * Pairs (lead, continuation) of UTF-8 as the code page shows them, and the non-ASCII characters. Leads 0xD8–0xDB
 * are Arabic letters; with `anyLead`, 0xC2–0xDF, which also catches text damaged twice (its first layer is the
 * UTF-8 of "Ø", "Ù"…, whose leads are 0xC3 and 0xC5).
 */
function signal(text: string, table: Map<number, number>, anyLead = false): { pairs: number; nonAscii: number } {
  const lo = anyLead ? 0xc2 : 0xd8;
  const hi = anyLead ? 0xdf : 0xdb;
  let pairs = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    const b = table.get(c);
    if (b === undefined || b < lo || b > hi) continue;
    const n = table.get(text.charCodeAt(i + 1));
    if (n !== undefined && n >= 0x80 && n <= 0xbf) pairs++;
  }
  return { pairs, nonAscii };
}

const utf8 = new TextDecoder('utf-8');

/**
 * One pass of repair with one code page. A lost byte (the damaged text shows "\uFFFD" where the code page had no
 * character) after an Arabic lead byte takes its letter with it; after 0xD9 in windows-1252 it can only have been
 * 0x81, 0x8D, 0x8F, 0x90 or 0x9D, and of those only 0x81 (ف) is a letter of ordinary text (the others are vowel
 * marks and rare letters), so ف is restored and counted as guessed.
 */
function undo(text: string, table: Map<number, number>, cp: CodePage): { text: string; repaired: number; lost: number; guessed: number } {
  const out: string[] = [];
  let repaired = 0;
  let lost = 0;
  let guessed = 0;
  let i = 0;
  while (i < text.length) {
    // a run of characters the code page can write (ASCII included), holding at least one non-ASCII one
    let j = i;
    let high = 0;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c < 0x80) j++;
      else if (table.has(c) || c === 0xfffd) {
        high++;
        j++;
      } else break;
    }
    if (j === i) {
      out.push(text[i]!);
      i++;
      continue;
    }
    const run = text.slice(i, j);
    if (high === 0) {
      out.push(run);
    } else {
      const bytes: number[] = [];
      const pieces: string[] = [];
      const flush = (): void => {
        if (bytes.length > 0) pieces.push(utf8.decode(Uint8Array.from(bytes)));
        bytes.length = 0;
      };
      for (let k = 0; k < run.length; k++) {
        const c = run.charCodeAt(k);
        if (c !== 0xfffd) {
          bytes.push(c < 0x80 ? c : table.get(c)!);
          continue;
        }
        const last = bytes[bytes.length - 1];
        if (last !== undefined && last >= 0xd8 && last <= 0xdb) {
          if (cp === 'windows-1252' && last === 0xd9) {
            bytes.push(0x81);
            guessed++;
            continue;
          }
          bytes.pop();
        }
        flush();
        pieces.push('\uFFFD');
        lost++;
      }
      flush();
      const fixed = pieces.join('');
      out.push(fixed);
      repaired += fixed.length;
    }
    i = j;
  }
  return { text: out.join(''), repaired, lost, guessed };
}

function arabicShare(text: string): number {
  let ar = 0;
  let letters = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (/\p{Script=Arabic}/u.test(ch)) ar++;
  }
  return letters === 0 ? 0 : ar / letters;
}

function strongest(text: string, anyLead: boolean): CodePage | null {
  let best: { cp: CodePage; pairs: number } | null = null;
  for (const cp of Object.keys(TABLES) as CodePage[]) {
    const s = signal(text, TABLES[cp], anyLead);
    if (s.pairs >= MIN_PAIRS && s.pairs * 2 >= s.nonAscii * MIN_SHARE && (!best || s.pairs > best.pairs)) best = { cp, pairs: s.pairs };
  }
  return best?.cp ?? null;
}

/** The text with mojibake undone (see the top of the file); the text itself when there is none. */
export function repairMojibake(text: string): MojibakeResult {
  const none: MojibakeResult = { text, codePage: null, repaired: 0, lost: 0, guessed: 0 };
  const before = arabicShare(text);
  // one layer of damage
  const cp = strongest(text, false);
  if (cp !== null) {
    const r = undo(text, TABLES[cp], cp);
    if (arabicShare(r.text) >= Math.max(0.5, before + 0.2)) return { text: r.text, codePage: cp, repaired: r.repaired, lost: r.lost, guessed: r.guessed };
  }
  // two layers: the first undone must leave one layer of Arabic damage, which the second undoes
  const outer = strongest(text, true);
  if (outer === null) return none;
  const once = undo(text, TABLES[outer], outer);
  const inner = strongest(once.text, false);
  if (inner === null) return none;
  const twice = undo(once.text, TABLES[inner], inner);
  if (arabicShare(twice.text) < Math.max(0.5, before + 0.2)) return none;
  return { text: twice.text, codePage: inner, repaired: twice.repaired, lost: once.lost + twice.lost, guessed: once.guessed + twice.guessed };
}
