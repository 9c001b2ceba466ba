import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './index.js';
import {
  asExpected,
  checkSpans,
  datesOf,
  mentionsOf,
  normalizeExpected,
  type DateSpec,
  type Expected,
  type MentionSpec,
} from './test-helpers.js';

interface Row {
  name: string;
  text: string;
  mentions?: MentionSpec[];
  dates?: DateSpec[];
  expect: Expected[];
}

const rows: Row[] = [
  // ---- direct quotes
  {
    name: 'direct «» after a colon, person mention',
    text: 'قال وزير الخارجية التركي هاكان فيدان: «لن نسمح بأي تهديد لحدودنا الجنوبية».',
    mentions: [['هاكان فيدان', 'person']],
    expect: [{ speaker: 'هاكان فيدان', kind: 'direct', text: 'لن نسمح بأي تهديد لحدودنا الجنوبية' }],
  },
  {
    name: 'direct “” after a colon, descriptor speaker',
    text: 'وقال المتحدث باسم الجيش: “العملية مستمرة حتى تحقيق أهدافها كاملة”.',
    expect: [{ speaker: 'المتحدث باسم الجيش', kind: 'direct', text: 'العملية مستمرة حتى تحقيق أهدافها كاملة' }],
  },
  {
    name: 'direct "" after a colon',
    text: 'وأضاف الوزير: "نعمل على إعادة فتح المعبر خلال أيام".',
    expect: [{ speaker: 'الوزير', kind: 'direct', text: 'نعمل على إعادة فتح المعبر خلال أيام' }],
  },
  {
    name: 'direct without quote marks after a colon',
    text: 'وقال رئيس البلدية: الطرق ستفتح صباح الغد أمام حركة السير.',
    expect: [{ speaker: 'رئيس البلدية', kind: 'direct', text: 'الطرق ستفتح صباح الغد أمام حركة السير' }],
  },
  {
    name: 'إن followed directly by a whole quotation is direct',
    text: 'وقال وزير الطاقة إن «أسعار الوقود لن ترتفع هذا الشتاء».',
    expect: [{ speaker: 'وزير الطاقة', kind: 'direct', text: 'أسعار الوقود لن ترتفع هذا الشتاء' }],
  },
  {
    name: 'quotation first, attribution after',
    text: '«لن نعود إلى طاولة المفاوضات قبل وقف القصف»، قال المتحدث باسم الوفد المفاوض.',
    expect: [{ speaker: 'المتحدث باسم الوفد المفاوض', kind: 'direct', text: 'لن نعود إلى طاولة المفاوضات قبل وقف القصف' }],
  },
  {
    name: 'two quoted parts in one sentence: one quote each, same speaker',
    text: 'وقال رئيس الوزراء إن «الحكومة لن تتراجع عن الإصلاحات» مشيراً إلى «صعوبات كبيرة تنتظر الموازنة المقبلة».',
    expect: [
      { speaker: 'رئيس الوزراء', kind: 'direct', text: 'الحكومة لن تتراجع عن الإصلاحات' },
      { speaker: 'رئيس الوزراء', kind: 'direct', text: 'صعوبات كبيرة تنتظر الموازنة المقبلة' },
    ],
  },
  {
    name: 'a quoted part in the middle of a clause stays in the indirect text',
    text: 'وقال السفير إن بلاده «ترفض أي تدخل خارجي» في شؤون المنطقة.',
    expect: [{ speaker: 'السفير', kind: 'indirect', text: 'بلاده «ترفض أي تدخل خارجي» في شؤون المنطقة' }],
  },

  // ---- indirect speech, verb forms
  {
    name: 'indirect after إنه, organization mention, date from the day name',
    text: 'قال الكرملين، الاثنين، إنه لا يستبعد عقد لقاء بين الرئيسين قبل نهاية العام.',
    mentions: [['الكرملين', 'organization']],
    dates: [['الاثنين', '2024-12-16']],
    expect: [{ speaker: 'الكرملين', kind: 'indirect', text: 'لا يستبعد عقد لقاء بين الرئيسين قبل نهاية العام', date: '2024-12-16' }],
  },
  {
    name: 'organization speaker with no mentions: the phrase itself',
    text: 'قال الكرملين إن الاتصالات مع الإدارة الجديدة لم تبدأ بعد.',
    expect: [{ speaker: 'الكرملين', kind: 'indirect', text: 'الاتصالات مع الإدارة الجديدة لم تبدأ بعد' }],
  },
  {
    name: 'اليوم الجمعة between speaker and إن; the person mention in the phrase',
    text: 'قال الرئيس الفرنسي إيمانويل ماكرون، اليوم الجمعة، إن بلاده ستستضيف مؤتمرا للمانحين في الربيع.',
    mentions: [['إيمانويل ماكرون', 'person']],
    dates: [['اليوم الجمعة', '2025-01-17']],
    expect: [{ speaker: 'إيمانويل ماكرون', kind: 'indirect', text: 'بلاده ستستضيف مؤتمرا للمانحين في الربيع', date: '2025-01-17' }],
  },
  {
    name: 'a date that is not a full day gives no date',
    text: 'وأعلنت وزارة الصحة في يناير الماضي أن حملة التطعيم شملت مليون طفل.',
    dates: [['يناير الماضي', '2025-01']],
    expect: [{ speaker: 'وزارة الصحة', kind: 'indirect', text: 'حملة التطعيم شملت مليون طفل', date: null }],
  },
  {
    name: 'a date inside the reported clause is not the date of the statement',
    text: 'قال مسؤول عسكري إن الهجوم وقع يوم الأحد الماضي قرب الحدود.',
    dates: [['يوم الأحد الماضي', '2025-03-02']],
    expect: [{ speaker: 'مسؤول عسكري', unnamed: true, kind: 'indirect', text: 'الهجوم وقع يوم الأحد الماضي قرب الحدود', date: null }],
  },
  {
    name: 'feminine verb, أكدت أن; بأن; أشار إلى أن; شدد على أن',
    text:
      'وأكدت الوزيرة أن الميزانية الجديدة تراعي الفئات الأضعف. وصرح النائب بأن المجلس سيصوت على القانون. ' +
      'وأشار المحافظ إلى أن التضخم بدأ يتراجع. وشدد الرئيس على أن الانتخابات ستجرى في موعدها.',
    expect: [
      { speaker: 'الوزيرة', kind: 'indirect', text: 'الميزانية الجديدة تراعي الفئات الأضعف' },
      { speaker: 'النائب', kind: 'indirect', text: 'المجلس سيصوت على القانون' },
      { speaker: 'المحافظ', kind: 'indirect', text: 'التضخم بدأ يتراجع' },
      { speaker: 'الرئيس', kind: 'indirect', text: 'الانتخابات ستجرى في موعدها' },
    ],
  },
  {
    name: 'نفى، حذر من أن، كشف، أفاد، اعتبر، رأى',
    text:
      'ونفى المتحدث أن تكون القوات قد انسحبت. وحذر الخبير من أن الأزمة قد تطول. وكشف التقرير أن الصادرات تراجعت. ' +
      'وأفاد الدفاع المدني بأن النيران أخمدت. واعتبر المحلل أن الاتفاق هش. ورأى السفير أن الحوار هو الحل.',
    expect: [
      { speaker: 'المتحدث', kind: 'indirect', text: 'تكون القوات قد انسحبت' },
      { speaker: 'الخبير', kind: 'indirect', text: 'الأزمة قد تطول' },
      { speaker: 'التقرير', kind: 'indirect', text: 'الصادرات تراجعت' },
      { speaker: 'الدفاع المدني', kind: 'indirect', text: 'النيران أخمدت' },
      { speaker: 'المحلل', kind: 'indirect', text: 'الاتفاق هش' },
      { speaker: 'السفير', kind: 'indirect', text: 'الحوار هو الحل' },
    ],
  },
  {
    name: 'present tense: ويقول الخبير',
    text: 'ويقول الخبير الاقتصادي أحمد سالم إن الأسواق تترقب قرار البنك المركزي.',
    mentions: [['أحمد سالم', 'person']],
    expect: [{ speaker: 'أحمد سالم', kind: 'indirect', text: 'الأسواق تترقب قرار البنك المركزي' }],
  },
  {
    name: 'descriptor speaker followed by a circumstance (خلال اللقاء)',
    text: 'وقال الرئيس الروسي خلال اللقاء إن العلاقات بين البلدين تشهد تطورا ملحوظا.',
    expect: [{ speaker: 'الرئيس الروسي', kind: 'indirect', text: 'العلاقات بين البلدين تشهد تطورا ملحوظا' }],
  },
  {
    name: 'في بيان and للصحافيين end the speaker phrase',
    text:
      'وقال البيت الأبيض في بيان إن الرئيس سيزور المنطقة قريبا. ' +
      'وقالت مسؤولة السياسة الخارجية بالاتحاد الأوروبي كايا كالاس للصحافيين إن العقوبات ستخفف تدريجيا.',
    mentions: [['كايا كالاس', 'person']],
    expect: [
      { speaker: 'البيت الأبيض', kind: 'indirect', text: 'الرئيس سيزور المنطقة قريبا' },
      { speaker: 'كايا كالاس', kind: 'indirect', text: 'العقوبات ستخفف تدريجيا' },
    ],
  },
  {
    name: 'a title with no mention: the whole phrase, not unnamed',
    text: 'وقالت مسؤولة السياسة الخارجية بالاتحاد الأوروبي للصحافيين إن العقوبات ستخفف تدريجيا.',
    expect: [{ speaker: 'مسؤولة السياسة الخارجية بالاتحاد الأوروبي', kind: 'indirect', text: 'العقوبات ستخفف تدريجيا' }],
  },
  {
    name: 'apposition: descriptor, then the name between commas',
    text: 'وأكد مندوب روسيا الدائم لدى الأمم المتحدة، فاسيلي نيبينزيا، الجمعة، أن القوات باقية في مواقعها.',
    mentions: [['روسيا', 'location'], ['الأمم المتحدة', 'organization'], ['فاسيلي نيبينزيا', 'person']],
    dates: [['الجمعة', '2025-01-10']],
    expect: [{ speaker: 'فاسيلي نيبينزيا', kind: 'indirect', text: 'القوات باقية في مواقعها', date: '2025-01-10' }],
  },

  // ---- participles
  {
    name: 'مضيفاً أن: same speaker, same date, clause cut before it',
    text: 'قال الجيش، الثلاثاء، إن قواته سيطرت على التلال المحيطة، مضيفاً أن المعارك ما زالت مستمرة.',
    dates: [['الثلاثاء', '2025-02-04']],
    expect: [
      { speaker: 'الجيش', kind: 'indirect', text: 'قواته سيطرت على التلال المحيطة', date: '2025-02-04' },
      { speaker: 'الجيش', kind: 'indirect', text: 'المعارك ما زالت مستمرة', date: '2025-02-04' },
    ],
  },
  {
    name: 'مشيراً إلى أن، محذراً: «…»',
    text: 'وأكد الوزير أن الحكومة ملتزمة بالإصلاح، مشيراً إلى أن الدعم سيصل إلى مستحقيه، محذراً: «لن نتسامح مع الفساد».',
    expect: [
      { speaker: 'الوزير', kind: 'indirect', text: 'الحكومة ملتزمة بالإصلاح' },
      { speaker: 'الوزير', kind: 'indirect', text: 'الدعم سيصل إلى مستحقيه' },
      { speaker: 'الوزير', kind: 'direct', text: 'لن نتسامح مع الفساد' },
    ],
  },

  // ---- continuations
  {
    name: 'وأضاف: / وتابع قائلاً: / وأكمل: take the previous speaker',
    text:
      'وقال بيسكوف: «نتابع الوضع عن كثب».\n\nوأضاف: «لا نريد أي تصعيد».\n\n' +
      'وتابع قائلاً: «الحوار هو الطريق الوحيد».\n\nوأكمل: "سنواصل الاتصالات مع جميع الأطراف".',
    mentions: [['بيسكوف', 'person']],
    expect: [
      { speaker: 'بيسكوف', kind: 'direct', text: 'نتابع الوضع عن كثب' },
      { speaker: 'بيسكوف', kind: 'direct', text: 'لا نريد أي تصعيد', carried: true },
      { speaker: 'بيسكوف', kind: 'direct', text: 'الحوار هو الطريق الوحيد', carried: true },
      { speaker: 'بيسكوف', kind: 'direct', text: 'سنواصل الاتصالات مع جميع الأطراف', carried: true },
    ],
  },
  {
    name: 'وأضاف أن / ولفت إلى أن / وأوضح أن / وأردف أن with no new subject',
    text:
      'قال وزير المالية إن العجز سينخفض. وأضاف أن الإيرادات ارتفعت. ولفت إلى أن الديون تحت السيطرة. ' +
      'وأوضح أن الضرائب لن تزيد. وأردف أن الاستثمارات ستتضاعف.',
    expect: [
      { speaker: 'وزير المالية', kind: 'indirect', text: 'العجز سينخفض' },
      { speaker: 'وزير المالية', kind: 'indirect', text: 'الإيرادات ارتفعت', carried: true },
      { speaker: 'وزير المالية', kind: 'indirect', text: 'الديون تحت السيطرة', carried: true },
      { speaker: 'وزير المالية', kind: 'indirect', text: 'الضرائب لن تزيد', carried: true },
      { speaker: 'وزير المالية', kind: 'indirect', text: 'الاستثمارات ستتضاعف', carried: true },
    ],
  },
  {
    name: 'subject before the verb, feminine continuation',
    text:
      'وكانت الناطقة باسم الخارجية الروسية، ماريا زاخاروفا، قالت في وقت سابق إن الحوار مع دمشق مستمر.\n\n' +
      'وأوضحت أن الجانبين يبحثان ملفات التعاون.',
    mentions: [['ماريا زاخاروفا', 'person'], ['دمشق', 'location']],
    expect: [
      { speaker: 'ماريا زاخاروفا', kind: 'indirect', text: 'الحوار مع دمشق مستمر' },
      { speaker: 'ماريا زاخاروفا', kind: 'indirect', text: 'الجانبين يبحثان ملفات التعاون', carried: true },
    ],
  },
  {
    name: 'subject before the verb without mentions: the descriptor',
    text: 'وكانت الناطقة باسم الخارجية الروسية، ماريا زاخاروفا، قالت في وقت سابق إن الحوار مع دمشق مستمر.',
    expect: [{ speaker: 'الناطقة باسم الخارجية الروسية', kind: 'indirect', text: 'الحوار مع دمشق مستمر' }],
  },
  {
    name: 'بيسكوف قال / لكن بوتين كان قد قال / وسئل … فقال',
    text:
      'بيسكوف قال إن الكرملين لا يعلق على التسريبات. لكن بوتين كان قد قال في وقت سابق إن بلاده مستعدة للتفاوض. ' +
      'وسئل لافروف عن مستقبل القاعدتين فقال إن «القرار لم يتخذ بعد».',
    mentions: [['بيسكوف', 'person'], ['بوتين', 'person'], ['لافروف', 'person']],
    expect: [
      { speaker: 'بيسكوف', kind: 'indirect', text: 'الكرملين لا يعلق على التسريبات' },
      { speaker: 'بوتين', kind: 'indirect', text: 'بلاده مستعدة للتفاوض' },
      { speaker: 'لافروف', kind: 'direct', text: 'القرار لم يتخذ بعد' },
    ],
  },
  {
    name: 'لكنه أكد أن: the subject of the sentence\'s first verb (a descriptor, linked to a person later)',
    text:
      'وقال نيبينزيا إن القوات الروسية لا تزال في مواقعها.\n\n' +
      'ولم يوضح المسؤول الروسي تفاصيل انتشار هذه القوات، لكنه أكد أن بلاده تواصل الحوار مع السلطات الجديدة.',
    mentions: [['نيبينزيا', 'person']],
    expect: [
      { speaker: 'نيبينزيا', kind: 'indirect', text: 'القوات الروسية لا تزال في مواقعها' },
      { speaker: 'المسؤول الروسي', kind: 'indirect', text: 'بلاده تواصل الحوار مع السلطات الجديدة' },
    ],
  },
  {
    name: 'a quotation paragraph after a quotation goes on with the same speaker',
    text: 'وقال الأمين العام: «نحن أمام لحظة فارقة في تاريخ المنطقة».\n\n«على الجميع أن يتحملوا مسؤولياتهم الآن».',
    expect: [
      { speaker: 'الأمين العام', kind: 'direct', text: 'نحن أمام لحظة فارقة في تاريخ المنطقة' },
      { speaker: 'الأمين العام', kind: 'direct', text: 'على الجميع أن يتحملوا مسؤولياتهم الآن', carried: true },
    ],
  },
  {
    name: 'a colon at the end, then a quotation over two paragraphs (opened, closed in the next)',
    text: 'وأضاف البيان أن الطرفين اتفقا على ما يلي:\n\n«أولا: وقف شامل لإطلاق النار.\n\nثانيا: تبادل الأسرى خلال شهر».',
    expect: [
      { speaker: 'البيان', kind: 'indirect', text: 'الطرفين اتفقا على ما يلي' },
      { speaker: 'البيان', kind: 'direct', text: 'أولا: وقف شامل لإطلاق النار.', carried: true },
      { speaker: 'البيان', kind: 'direct', text: 'ثانيا: تبادل الأسرى خلال شهر', carried: true },
    ],
  },

  // ---- unnamed sources and relays
  {
    name: 'نقلت وكالة «بلومبرغ» عن مصدر … قوله إن; وأضاف المصدر refers back',
    text:
      'نقلت وكالة «بلومبرغ» للأنباء عن مصدر في موسكو قوله إن المحادثات تعثرت.\n\n' +
      'وأضاف المصدر الذي طلب عدم الكشف عن هويته أن الوفد عاد دون نتائج.',
    expect: [
      { speaker: 'مصدر في موسكو', unnamed: true, kind: 'indirect', text: 'المحادثات تعثرت', via: ['بلومبرغ'] },
      { speaker: 'مصدر في موسكو', unnamed: true, kind: 'indirect', text: 'الوفد عاد دون نتائج', via: ['بلومبرغ'], carried: true },
    ],
  },
  {
    name: 'مسؤولان تركيان كبيران; مصادر مطلعة لـ«…»',
    text:
      'وقال مسؤولان تركيان كبيران إن أنقرة لن تقبل بوجود عسكري أجنبي دائم. ' +
      'وقالت مصادر مطلعة لـ«الشرق الأوسط» إن الاجتماع أرجئ إلى الأسبوع المقبل.',
    expect: [
      { speaker: 'مسؤولان تركيان كبيران', unnamed: true, kind: 'indirect', text: 'أنقرة لن تقبل بوجود عسكري أجنبي دائم' },
      { speaker: 'مصادر مطلعة', unnamed: true, kind: 'indirect', text: 'الاجتماع أرجئ إلى الأسبوع المقبل', via: ['الشرق الأوسط'] },
    ],
  },
  {
    name: 'وأضافت الوكالة، نقلاً عن مصادر لم تسمّها: the agency named before relays',
    text:
      'وقالت وكالة «بلومبرغ» الأميركية إن موسكو تريد الإبقاء على وجود محدود.\n\n' +
      'وأضافت الوكالة، نقلاً عن مصادر لم تسمّها، أن الاتفاق بات قريبا.',
    expect: [
      { speaker: 'بلومبرغ', kind: 'indirect', text: 'موسكو تريد الإبقاء على وجود محدود' },
      { speaker: 'مصادر لم تسمّها', unnamed: true, kind: 'indirect', text: 'الاتفاق بات قريبا', via: ['بلومبرغ'] },
    ],
  },
  {
    name: 'بحسب مصادر «بلومبرغ»، فإن …',
    text: 'وبحسب مصادر «بلومبرغ»، فإن روسيا تأمل في الاحتفاظ بقاعدتيها.',
    expect: [{ speaker: 'مصادر', unnamed: true, kind: 'indirect', text: 'روسيا تأمل في الاحتفاظ بقاعدتيها', via: ['بلومبرغ'] }],
  },
  {
    name: 'وفقاً لوكالة «رويترز» after the quote; the continuation keeps the relay',
    text:
      'قال المتحدث باسم الكرملين، ديمتري بيسكوف: «من السابق لأوانه الحديث عن ذلك»، وفقاً لوكالة «رويترز».\n\n' +
      'وأضاف: «كل شيء سيكون مطروحا للنقاش».',
    mentions: [['الكرملين', 'organization'], ['ديمتري بيسكوف', 'person']],
    expect: [
      { speaker: 'ديمتري بيسكوف', kind: 'direct', text: 'من السابق لأوانه الحديث عن ذلك', via: ['رويترز'] },
      { speaker: 'ديمتري بيسكوف', kind: 'direct', text: 'كل شيء سيكون مطروحا للنقاش', via: ['رويترز'], carried: true },
    ],
  },
  {
    name: 'حسبما نقلت عنه شبكة … «سي سي تي في»: «…»',
    text: 'بدوره، قال شي، حسبما نقلت عنه شبكة البث الرسمية الصينية «سي سي تي في»: «علاقاتنا تتقدم بثبات إلى الأمام».',
    mentions: [['شي', 'person']],
    expect: [{ speaker: 'شي', kind: 'direct', text: 'علاقاتنا تتقدم بثبات إلى الأمام', via: ['سي سي تي في'] }],
  },
  {
    name: 'حسبما ذكرت وكالة «تاس» and طبقا لوكالة "إرنا" after the quotation',
    text:
      'وقال وزير الدفاع إن التدريبات ستستمر أسبوعين، حسبما ذكرت وكالة «تاس» للأنباء. ' +
      'وأضاف قائد البحرية: "سفننا جاهزة لأي مهمة"، طبقا لوكالة "إرنا".',
    expect: [
      { speaker: 'وزير الدفاع', kind: 'indirect', text: 'التدريبات ستستمر أسبوعين', via: ['تاس'] },
      { speaker: 'قائد البحرية', kind: 'direct', text: 'سفننا جاهزة لأي مهمة', via: ['إرنا'] },
    ],
  },
  {
    name: 'لشبكة CNN in the speaker phrase',
    text: 'وكما قال جان لوب سمعان، الزميل في المجلس الأطلسي لشبكة CNN: "روسيا تعتبر نفسها الشريك الأكبر".',
    mentions: [['جان لوب سمعان', 'person']],
    expect: [{ speaker: 'جان لوب سمعان', kind: 'direct', text: 'روسيا تعتبر نفسها الشريك الأكبر', via: ['CNN'] }],
  },
  {
    name: 'ونقل الإعلام الروسي عن بوغدانوف، أن …',
    text: 'ونقل الإعلام الروسي عن بوغدانوف، أن الوفد سيلتقي قائد الإدارة الجديدة.',
    mentions: [['بوغدانوف', 'person']],
    expect: [{ speaker: 'بوغدانوف', kind: 'indirect', text: 'الوفد سيلتقي قائد الإدارة الجديدة', via: ['الإعلام الروسي'] }],
  },
  {
    name: 'outlets as speakers: «قسد» and قناة «الإخبارية»; «الإخبارية» relays مديرية الصحة',
    text:
      'من جانبها، قالت «قسد» إن قواتها ردت على مصادر النيران. ' +
      'وقالت قناة «الإخبارية السورية» التلفزيونية، إن الهدوء عاد إلى المدينة. ' +
      'ونقلت «الإخبارية» عن مديرية الصحة قولها، إن حصيلة الضحايا ارتفعت.',
    expect: [
      { speaker: 'قسد', kind: 'indirect', text: 'قواتها ردت على مصادر النيران' },
      { speaker: 'الإخبارية السورية', kind: 'indirect', text: 'الهدوء عاد إلى المدينة' },
      { speaker: 'مديرية الصحة', kind: 'indirect', text: 'حصيلة الضحايا ارتفعت', via: ['الإخبارية'] },
    ],
  },
  {
    name: 'relay at the start of the sentence goes with its quote',
    text: 'ووفقا لوكالة «رويترز»، قال مسؤول أوروبي إن الاتحاد سيرسل بعثة مراقبة.',
    expect: [{ speaker: 'مسؤول أوروبي', unnamed: true, kind: 'indirect', text: 'الاتحاد سيرسل بعثة مراقبة', via: ['رويترز'] }],
  },

  {
    name: 'relay to an outlet after a relative clause (لرويترز); على منصته is a circumstance',
    text:
      'قال مسؤول أمريكي طلب عدم نشر اسمه لرويترز إن الإدارة تدرس خيارات عدة. ' +
      'وكتب الرئيس الأمريكي على منصته: "حان وقت السلام".',
    expect: [
      { speaker: 'مسؤول أمريكي طلب عدم نشر اسمه', unnamed: true, kind: 'indirect', text: 'الإدارة تدرس خيارات عدة', via: ['رويترز'] },
      { speaker: 'الرئيس الأمريكي', kind: 'direct', text: 'حان وقت السلام' },
    ],
  },
  {
    name: 'المصدر نفسه refers back to the unnamed source, with its relay',
    text: 'قال مصدر أمني لوكالة فرانس برس إن الانفجار نجم عن عبوة ناسفة. وأوضح المصدر نفسه أن ثلاثة أشخاص أصيبوا.',
    expect: [
      { speaker: 'مصدر أمني', unnamed: true, kind: 'indirect', text: 'الانفجار نجم عن عبوة ناسفة', via: ['وكالة فرانس برس'] },
      { speaker: 'مصدر أمني', unnamed: true, kind: 'indirect', text: 'ثلاثة أشخاص أصيبوا', via: ['وكالة فرانس برس'], carried: true },
    ],
  },
  {
    name: 'a participle after a reporting verb that quotes nothing takes that verb\'s subject',
    text: 'وأشار التقرير إلى ارتفاع معدلات البطالة بين الشباب، لافتا إلى أن النساء الأكثر تضررا.',
    expect: [{ speaker: 'التقرير', kind: 'indirect', text: 'النساء الأكثر تضررا' }],
  },
  {
    name: 'المصدر with no source before: unnamed; المسؤول with none: a descriptor',
    text: 'وقال المصدر إن الاتفاق سيوقع خلال أيام. وأكد المسؤول الأوروبي أن التمويل مضمون.',
    expect: [
      { speaker: 'المصدر', unnamed: true, kind: 'indirect', text: 'الاتفاق سيوقع خلال أيام' },
      { speaker: 'المسؤول الأوروبي', kind: 'indirect', text: 'التمويل مضمون' },
    ],
  },
  {
    name: 'to whom it was said (لبزشكيان) is not the speaker',
    text: 'وأضاف فلاديمير بوتين لبزشكيان خلال كلمته: "زيارتكم مهمة بشكل خاص".',
    mentions: [['فلاديمير بوتين', 'person'], ['بزشكيان', 'person']],
    expect: [{ speaker: 'فلاديمير بوتين', kind: 'direct', text: 'زيارتكم مهمة بشكل خاص' }],
  },
  {
    name: 'a colon ends the paragraph, the quotation is the next paragraph',
    text: 'وقال رئيس الوفد في كلمته أمام المؤتمر:\n\n«نحن هنا من أجل السلام، ولن نغادر قبل الاتفاق».',
    expect: [{ speaker: 'رئيس الوفد', kind: 'direct', text: 'نحن هنا من أجل السلام، ولن نغادر قبل الاتفاق', carried: true }],
  },
  {
    name: 'a run-on sentence cut before وأكدت: the subject of its first part (a place mention)',
    text: 'جددت أنقرة تمسكها بالحوار مع جيرانها في المنطقة خلال الأسابيع الماضية، وأكدت أن قواتها لن تنسحب قبل الاتفاق.',
    mentions: [['أنقرة', 'location']],
    expect: [{ speaker: 'أنقرة', kind: 'indirect', text: 'قواتها لن تنسحب قبل الاتفاق' }],
  },
  {
    name: 'two names in the speaker phrase: the last one speaks',
    text: 'وقال المبعوث الخاص للرئيس الأمريكي دونالد ترامب ستيف ويتكوف إن المرحلة الثانية ستبدأ قريبا.',
    mentions: [['دونالد ترامب', 'person'], ['ستيف ويتكوف', 'person']],
    expect: [{ speaker: 'ستيف ويتكوف', kind: 'indirect', text: 'المرحلة الثانية ستبدأ قريبا' }],
  },
  // ---- not quotations
  {
    name: 'names and terms in quote marks are no quotations',
    text:
      'سيطرت «هيئة تحرير الشام» على المدينة بعد معارك مع تنظيم “داعش”. ' +
      'وقال قائد الشرطة إن تنظيم «داعش» يقف وراء التفجير.',
    expect: [{ speaker: 'قائد الشرطة', kind: 'indirect', text: 'تنظيم «داعش» يقف وراء التفجير' }],
  },
  {
    name: 'a quoted name right after a colon is no quotation (mention over it)',
    text: 'وأطلق الجيش على العملية اسما جديدا، وقال المتحدث: «درع الفرات».',
    mentions: [['درع الفرات', 'organization']],
    expect: [],
  },
  {
    name: 'a quoted outlet name at the start of a sentence is no quotation',
    text: '«رويترز» قالت في وقت لاحق إن الشحنة وصلت إلى الميناء.',
    expect: [{ speaker: 'رويترز', kind: 'indirect', text: 'الشحنة وصلت إلى الميناء' }],
  },
  {
    name: 'a reporting verb without إن/أن or a colon is no quotation',
    text: 'وأكد الوزير دعم بلاده الكامل للحكومة الانتقالية. وأعلن الجيش حظر التجول في المدينة.',
    expect: [],
  },
  {
    name: 'أن after بعد/يمكن is not the reported clause',
    text: 'وأعلن الجيش بعد أن انتهت العملية أن الطريق بات آمنا.',
    expect: [{ speaker: 'الجيش', kind: 'indirect', text: 'الطريق بات آمنا' }],
  },
  {
    name: 'a relayed fact with no reporting verb is no quotation',
    text: 'وصل وفد روسي رفيع المستوى، الثلاثاء، إلى دمشق، بحسب وسائل إعلام روسية.',
    expect: [],
  },
];

for (const row of rows) {
  test(row.name, () => {
    const quotes = findQuotes(row.text, datesOf(row.text, row.dates), mentionsOf(row.text, row.mentions));
    checkSpans(row.text, quotes);
    assert.deepEqual(quotes.map(asExpected), row.expect.map(normalizeExpected));
  });
}

test('empty text, and no mentions or dates at all', () => {
  assert.deepEqual(findQuotes('', [], []), []);
  assert.deepEqual(findQuotes('خبر بلا اقتباس.', [], []), []);
});

test('diacritics, tatweel and Persian letters around the words do not stop the rules', () => {
  const text = 'وقــال المتحدّثُ باسم الحكومة، إنّ الاجتماعَ سيُعقد غداً.';
  const quotes = findQuotes(text, [], []);
  checkSpans(text, quotes);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.speaker, 'المتحدّثُ باسم الحكومة');
  assert.equal(quotes[0]!.text, 'الاجتماعَ سيُعقد غداً');
});
