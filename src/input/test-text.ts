/**
 * Test material for the input stage: paragraphs written for the tests, and encoders that turn them into the
 * bytes of each supported encoding (single-byte ones by inverting Node's own TextDecoder).
 */

/** Arabic news paragraphs, using only characters that both windows-1256 and ISO-8859-6 can encode. */
export const ARABIC = [
  'أعلنت وزارة الصحة في بيان صدر مساء اليوم عن تسجيل ارتفاع في عدد الإصابات بالحمى الموسمية في عدد من المحافظات الجنوبية، ودعت المواطنين إلى الالتزام بالإرشادات الصحية وتجنب التجمعات في الأماكن المغلقة. وقال المتحدث باسم الوزارة إن الفرق الطبية تعمل على مدار الساعة لتقديم الخدمات اللازمة للمرضى.',
  'شهدت أسواق المال العربية تراجعا ملحوظا خلال تعاملات الأسبوع الماضي، متأثرة بانخفاض أسعار النفط في الأسواق العالمية. وأوضح محللون اقتصاديون أن المستثمرين يترقبون قرارات البنك المركزي بشأن أسعار الفائدة، مشيرين إلى أن حالة عدم اليقين قد تستمر حتى نهاية العام الجاري.',
  'افتتح رئيس الوزراء صباح الخميس مشروع الطريق الدائري الجديد الذي يربط العاصمة بالمدن الساحلية، بتكلفة تجاوزت مليار دولار. وأكد في كلمة ألقاها خلال حفل الافتتاح أن الحكومة ماضية في تنفيذ خطة تطوير البنية التحتية، وأن المشروع سيوفر آلاف فرص العمل للشباب.',
  'فاز المنتخب الوطني لكرة القدم على نظيره بهدفين مقابل هدف واحد في المباراة التي أقيمت مساء أمس على الملعب الأولمبي، ضمن التصفيات المؤهلة لكأس العالم. وسجل هدفي الفوز لاعب شاب في الشوط الثاني، فيما أهدر الفريق الضيف فرصا عديدة لإدراك التعادل؟',
  'قالت مصادر دبلوماسية إن جولة جديدة من المفاوضات بين الطرفين ستعقد الأسبوع المقبل في العاصمة القطرية الدوحة؛ بمشاركة وسطاء إقليميين ودوليين. وأضافت المصادر أن الملفات العالقة تشمل تبادل الأسرى وإعادة الإعمار وفتح المعابر أمام المساعدات الإنسانية.',
];

export const PERSIAN =
  'وزارت بهداشت روز سه‌شنبه اعلام کرد که تعداد مبتلایان به آنفولانزای فصلی در استان‌های جنوبی کشور افزایش یافته است. سخنگوی این وزارتخانه از مردم خواست تا برای پیشگیری از شیوع بیماری، از حضور در مکان‌های شلوغ خودداری کنند و توصیه‌های بهداشتی را جدی بگیرند. به گفته وی، تیم‌های پزشکی به صورت شبانه‌روزی در حال خدمت‌رسانی هستند.';

export const URDU =
  'وزارت صحت نے منگل کے روز اعلان کیا ہے کہ ملک کے جنوبی صوبوں میں موسمی بخار کے مریضوں کی تعداد میں اضافہ ہوا ہے۔ وزارت کے ترجمان نے عوام سے اپیل کی کہ وہ بیماری سے بچاؤ کے لیے ہجوم والی جگہوں پر جانے سے گریز کریں اور صحت سے متعلق ہدایات پر عمل کریں۔ ان کا کہنا تھا کہ طبی ٹیمیں دن رات کام کر رہی ہیں۔';

export const ENGLISH =
  'The health ministry announced on Tuesday that the number of seasonal flu cases has risen in several southern provinces. A spokesman urged citizens to avoid crowded places and to follow public health guidance, adding that medical teams were working around the clock to care for patients.';

/** A byte encoder for a single-byte encoding, built by inverting TextDecoder over 0x00–0xFF. */
export function singleByteEncoder(label: string): (text: string) => Uint8Array {
  const decoder = new TextDecoder(label);
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\uFFFD' && !map.has(ch)) map.set(ch, b);
  }
  return (text) =>
    Uint8Array.from(text, (ch) => {
      const b = map.get(ch);
      if (b === undefined) throw new Error(`${label} cannot encode ${JSON.stringify(ch)}`);
      return b;
    });
}

export const win1256 = singleByteEncoder('windows-1256');
export const iso88596 = singleByteEncoder('iso-8859-6');

export function utf8(text: string, bom = false): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export function utf16le(text: string, bom = false): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

export function utf16be(text: string, bom = false): Uint8Array {
  const body = Buffer.from(text, 'utf16le').swap16();
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body;
}

export function concat(...parts: Array<Uint8Array | string>): Uint8Array {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
}

/** Deterministic pseudo-random bytes (xorshift32). */
export function randomBytes(length: number, seed = 0x2545f491): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
