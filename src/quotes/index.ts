/**
 * Quotations: who said what, and when (issue 3).
 *
 * The article is cut into sentences (splitSentences), glued back where a quotation runs over a sentence end, and
 * each is read as tokens over the normalized text (normalizeForMatch; spans go back with toOriginalSpan): words,
 * punctuation, and whole quotations («…», “…”, "…" paired on their line; one left open after a colon, إن/أن or at a
 * paragraph start runs to the line end). Word lists: src/lang/ar/quotes-lexicon.json.
 *
 * A quotation is found where
 *  - a reporting verb (قال، أكد، أضاف، أوضح، أشار، لفت، تابع، أردف، صرح، ذكر، أعلن، نفى، اعتبر، رأى، شدد، حذر، كشف،
 *    أفاد … in any person, number and gender, with و/ف; some present forms: يقول، ترى …) is followed, within a speaker
 *    phrase and circumstances, by إن/أن/بأن (also إلى أن، على أن، من أن; not after بعد، يمكن، ضرورة …) or a colon:
 *    after إن/أن the clause to the end of the sentence is `indirect`, unless it is one whole quotation (then followed
 *    only by punctuation, a participle or a relay), which is `direct`; after a colon the quotation (or the unmarked
 *    words) is `direct`. The clause stops before "، مضيفاً/مشيراً …", "، وفقاً/بحسب …", "، وأضاف …", "، لكنه أكد …";
 *  - a participle (مضيفاً، مشيراً إلى، مؤكداً، محذراً، قائلاً …) + أن / : / «…» reports the sentence's speaker;
 *  - a quotation opens the sentence and a reporting verb follows it ("«…»، قال الوزير");
 *  - "بحسب/وفقاً لـ X، فإن …" (X speaks);
 *  - a sentence that is only a quotation follows a direct quote (the speech goes on), or follows a sentence ending in a
 *    colon, or ends a quotation left open in the paragraph before.
 * A short quotation (≤ 4 words, no clause words like لا/لن/نحن) that is a name — a mention over it, Latin, after a
 * naming word (تنظيم، هيئة، وكالة، قاعدة …) or starting with one, or a single word where no colon or إن announced it —
 * is no quotation ("تنظيم «داعش»", "«هيئة تحرير الشام»").
 *
 * The speaker is the phrase after the verb, up to a circumstance (خلال، في بيان، في وقت لاحق، الاثنين، للصحافيين …),
 * a relay or a comma: a person mention in it (or in an apposition right after the comma: "المتحدث باسم الكرملين،
 * ديمتري بيسكوف"), else an outlet's name in quote marks, slashes or Latin ("وكالة «بلومبرغ»"), else an organization
 * mention, else a location mention that is the whole phrase, else the phrase itself: unnamed (مصدر، مصادر، مسؤول،
 * مسؤولان … indefinite, with their modifiers: "مصدر في موسكو", "مصادر لم تسمّها") or a descriptor ("الرئيس الروسي").
 * "المصدر"/"المسؤول" refer back to a recent unnamed source of the same kind; "الوكالة"/"القناة" to the outlet named
 * before. With no phrase after the verb: the subject written before it ("بيسكوف قال"، "وكانت الناطقة …، قالت"، "وسئل
 * X … فقال"), else the subject of an earlier verb of the same sentence, else the previous speaker (a continuation:
 * "وأضاف:", "وتابع قائلاً:", "وأوضحت أن"), copied with speakerStart/End null, with its relays and date.
 *
 * `via` lists relays, nearest first: "نقلت X عن Y (قوله)", "نقلاً عن", "لـ«X»/لشبكة CNN/لرويترز" in the speaker phrase,
 * "وفقاً لـ"، "بحسب"، "حسبما نقلت/ذكرت …" anywhere in the sentence (the name in quote marks when there is one).
 * `date` is the date mention between the verb and إن/أن/colon (or in a short lead before the verb), when its value is a
 * full YYYY-MM-DD; never one inside the quoted words.
 */
import type { DateMention, EntityMention, QuoteMention } from '../types.js';
import { findQuotesIn } from './find.js';

/**
 * The quotations of one article. `text` is the article text (paragraphs joined by "\n\n"); `dates` and `mentions`
 * are the dates and entities stages' findings on the same text (either may be empty). Quotes come in text order,
 * one per span.
 */
export function findQuotes(text: string, dates: DateMention[], mentions: EntityMention[]): QuoteMention[] {
  return findQuotesIn(text, dates, mentions);
}
