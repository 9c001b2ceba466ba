/**
 * Synthetic Arabic news for tune.ts and speed.ts (not used by the index): sentences recombined from templates with
 * slots (people, places, bodies, numbers, days), so articles share phrasing and topics but rarely whole passages.
 */
const PEOPLE = ['وزير الخارجية', 'رئيس الوزراء', 'المتحدث باسم الجيش', 'الأمين العام للأمم المتحدة', 'وزير المالية', 'محافظ البنك المركزي', 'رئيس البرلمان', 'قائد الشرطة', 'وزير الصحة', 'المبعوث الأممي', 'وزير الداخلية', 'رئيس الحكومة الانتقالية', 'نائب الرئيس', 'وزير النفط', 'مدير الدفاع المدني', 'الناطق باسم المعارضة'];
const PLACES = ['دمشق', 'حلب', 'إدلب', 'درعا', 'بيروت', 'عمّان', 'بغداد', 'الموصل', 'القاهرة', 'الخرطوم', 'طرابلس', 'صنعاء', 'عدن', 'غزة', 'رام الله', 'الرياض', 'الدوحة', 'تونس', 'الجزائر', 'الرباط', 'دير الزور', 'حمص', 'اللاذقية', 'البصرة', 'أربيل', 'مأرب'];
const BODIES = ['وزارة الخارجية', 'مجلس الأمن', 'الهلال الأحمر', 'المرصد السوري لحقوق الإنسان', 'البنك الدولي', 'صندوق النقد الدولي', 'الجامعة العربية', 'منظمة الصحة العالمية', 'الأمم المتحدة', 'الاتحاد الأوروبي', 'وكالة الأنباء الرسمية', 'مفوضية اللاجئين', 'البرلمان', 'المحكمة العليا'];
const DAYS = ['السبت', 'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة'];
const THINGS = ['المساعدات الإنسانية', 'الموازنة العامة', 'اتفاق وقف إطلاق النار', 'أسعار الوقود', 'الانتخابات المحلية', 'إعادة الإعمار', 'ملف اللاجئين', 'الدين الخارجي', 'الكهرباء', 'المياه', 'القمح', 'الحدود', 'المعابر', 'الأسرى', 'الاستثمار', 'السياحة'];
const ADJ = ['الجديد', 'المؤقت', 'الشامل', 'الطارئ', 'الإقليمي', 'الدولي', 'الثنائي', 'الموسع'];

const TEMPLATES = [
  'قال {P} في مؤتمر صحفي يوم {D} إن {T} سيكون على رأس أولويات المرحلة المقبلة',
  'أعلنت {B} أن {N} شخصا قتلوا وأصيب {N} آخرون في {L} خلال الساعات الماضية',
  'وأضاف {P} أن حكومته ملتزمة بمعالجة {T} بالتنسيق مع {B} وبقية الشركاء',
  'وذكرت مصادر محلية في {L} أن قوافل {T} وصلت صباح {D} بعد تأخير دام {N} أيام',
  'من جهته دعا {P} إلى اجتماع {A} في {L} لبحث {T} قبل نهاية الشهر',
  'وتشير تقديرات {B} إلى أن نحو {N} ألف شخص نزحوا من {L} منذ بداية العام',
  'وفي سياق متصل التقى {P} وفدا من {B} في {L} وناقش معه {T}',
  'وأكد بيان صادر عن {B} أن {T} لن يتأثر بالتطورات الأخيرة في {L}',
  'ويأتي ذلك بعد أيام من زيارة أجراها {P} إلى {L} استمرت {N} ساعات',
  'وحذر خبراء من أن استمرار أزمة {T} قد يرفع معدلات الفقر في {L} إلى {N} في المئة',
  'ونقلت {B} عن {P} قوله إن المفاوضات حول {T} دخلت مرحلة حاسمة',
  'وشهدت شوارع {L} يوم {D} احتجاجات على ارتفاع {T} شارك فيها المئات',
  'وأفاد شهود عيان في {L} بأن قوات الأمن انتشرت بكثافة قرب مقر {B}',
  'وقالت {B} في تقرير نشرته {D} إن {T} يحتاج إلى {N} مليون دولار',
  'وكان {P} قد أعلن الشهر الماضي عن برنامج {A} لدعم {T} في {L}',
  'ورحبت {B} بالخطوة ووصفتها بأنها تطور مهم نحو حل ملف {T}',
  'وتعاني {L} منذ سنوات من نقص حاد في {T} بحسب {B}',
  'ويتوقع أن يصوت {B} الأسبوع المقبل على مشروع قرار {A} يتعلق بـ{T}',
  'وأشار {P} إلى أن بلاده تلقت تعهدات بقيمة {N} مليون دولار لدعم {T}',
  'ولم يصدر حتى الآن أي تعليق رسمي من {B} على ما جرى في {L}',
  'وتابع {P} أن الوضع في {L} لا يزال مستقرا رغم التوتر حول {T}',
  'وبحسب أرقام {B} فإن عدد المستفيدين من برنامج {T} بلغ {N} ألفا',
  'وجاءت هذه التصريحات عقب لقاء جمع {P} مع ممثلين عن {B} في {L} يوم {D}',
  'وتوقعت {B} أن يتحسن وضع {T} في {L} خلال {N} أشهر إذا استمر الدعم',
];

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** One fresh sentence (~14 words). */
export function sentence(r: () => number): string {
  return pick(r, TEMPLATES).replace(/\{([PBLNDTA])\}/g, (_, s: string) => {
    switch (s) {
      case 'P': return pick(r, PEOPLE);
      case 'B': return pick(r, BODIES);
      case 'L': return pick(r, PLACES);
      case 'D': return pick(r, DAYS);
      case 'T': return pick(r, THINGS);
      case 'A': return pick(r, ADJ);
      default: return String(2 + Math.floor(r() * 400));
    }
  }) + '.';
}

/** An article as a list of sentences, about `words` words. */
export function article(r: () => number, words = 300): string[] {
  const out: string[] = [];
  let n = 0;
  while (n < words) {
    const s = sentence(r);
    out.push(s);
    n += s.split(' ').length;
  }
  return out;
}

/**
 * A variant of `sentences` with about `rate` of its sentences edited: each edited sentence is, at random, replaced
 * by a new one, deleted, preceded by an inserted one, or has one word changed; the byline line may change too.
 */
export function variant(r: () => number, sentences: readonly string[], rate: number): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    if (r() >= rate) {
      out.push(s);
      continue;
    }
    const op = Math.floor(r() * 4);
    if (op === 0) out.push(sentence(r));
    else if (op === 1) continue;
    else if (op === 2) out.push(sentence(r), s);
    else {
      const w = s.split(' ');
      w[Math.floor(r() * w.length)] = pick(r, PLACES);
      out.push(w.join(' '));
    }
  }
  return out;
}
