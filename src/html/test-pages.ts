/**
 * Realistic Arabic news pages built in code, for the html stage's tests and its speed check (src/html/speed-check.ts).
 * Not used at run time.
 */

export const ARTICLE_TITLE = 'الحكومة تعلن خطة لخفض أسعار الخبز والوقود قبل شهر رمضان';

export const ARTICLE_PARAGRAPHS = [
  'أعلنت الحكومة، اليوم الثلاثاء، خطة من خمس مراحل لخفض أسعار الخبز والوقود قبل حلول شهر رمضان، في خطوة قالت إنها تهدف إلى تخفيف الأعباء عن الأسر محدودة الدخل.',
  'وقال وزير المالية في مؤتمر صحفي عقده بمقر الوزارة إن الخطة ستموَّل من فائض الموازنة الذي تحقق خلال الربع الأخير من العام الماضي، وإنها لن تمس رواتب موظفي القطاع العام.',
  'وأضاف الوزير أن المرحلة الأولى تبدأ مطلع الشهر المقبل وتشمل خفض سعر ربطة الخبز بنسبة 15%، على أن تليها مراحل تخص البنزين والسولار وغاز الطهي.',
  '«لن نسمح بأن يدفع المواطن ثمن تقلبات الأسواق العالمية»، بحسب ما نقلت وكالة الأنباء الرسمية عن رئيس الوزراء.',
  'من جهتهم، رحّب اقتصاديون بالخطة، لكنهم حذروا من أثرها على عجز الموازنة إذا استمرت أسعار النفط في الارتفاع خلال الأشهر المقبلة.',
  'ويأتي الإعلان بعد أسابيع من احتجاجات محدودة في عدد من المحافظات على ارتفاع الأسعار، وهي الاحتجاجات التي دعت إليها نقابات عمالية ومنظمات من المجتمع المدني.',
];

export const ARTICLE_CAPTION = 'وزير المالية خلال المؤتمر الصحفي في العاصمة (رويترز)';

export const CARDS = [
  { title: 'البنك المركزي يثبت سعر الفائدة للمرة الثالثة على التوالي', lead: 'قرر البنك المركزي الإبقاء على أسعار الفائدة دون تغيير.', caption: 'مقر البنك المركزي', date: '2024-03-04', href: '/news/2024/03/04/central-bank' },
  { title: 'ارتفاع أسعار الذهب في الأسواق المحلية مع بداية الأسبوع', lead: 'سجل سعر غرام الذهب عيار 21 ارتفاعا طفيفا صباح اليوم.', caption: 'محل لبيع الذهب', date: '2024-03-03', href: '/news/2024/03/03/gold' },
  { title: 'نقابات العمال تطالب برفع الحد الأدنى للأجور', lead: 'طالبت نقابات عمالية برفع الحد الأدنى للأجور بما يتناسب مع التضخم.', caption: 'وقفة احتجاجية لعمال', date: '2024-03-02', href: '/news/2024/03/02/wages' },
];

export const MOST_READ = [
  'مدرب المنتخب يعلن قائمة اللاعبين لمباراتي التصفيات',
  'الأرصاد تحذر من موجة حارة تضرب البلاد نهاية الأسبوع',
  'افتتاح معرض الكتاب الدولي بمشاركة 500 دار نشر',
  'وزارة التعليم تعلن موعد امتحانات نهاية العام الدراسي',
];

/** Short texts of nav, footer, forms and banners: no block may be one of them. */
export const BOILERPLATE_WORDS = ['الرئيسية', 'سياسة', 'اقتصاد', 'رياضة', 'منوعات', 'من نحن', 'اتصل بنا', 'تويتر', 'موافق', 'إرسال', 'بحث', 'إعلان', 'التعليقات', 'تسجيل الدخول'];

/** Longer texts from nav, footer, forms, scripts, styles, share bars, cookie banners, hidden elements and alt text: no block may hold one. */
export const BOILERPLATE_PHRASES = [
  'جميع الحقوق محفوظة', 'شارك على فيسبوك', 'أضف تعليقك', 'نستخدم ملفات تعريف الارتباط', 'trackPageView', 'dataLayer', 'color: red',
  'اشترك في النشرة البريدية', 'نص مخفي', 'سياسة الخصوصية', 'صورة الوزير', 'ابحث', 'الثلاثاء 5 مارس 2024', 'application/ld+json', 'NewsArticle',
];

const head = (title: string, extra = ''): string => `<head>
<meta charset="utf-8">
<title>${title} - صحيفة الوطن اليوم</title>
<meta property="og:site_name" content="صحيفة الوطن اليوم">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
<style>.hidden { display: none } body { color: red }</style>
<script>window.dataLayer = []; function trackPageView() { return 'الرئيسية'; }</script>
${extra}
</head>`;

const siteHeader = `<header class="site-header">
  <div class="top-bar"><span class="today">الثلاثاء 5 مارس 2024</span> <a href="/login">تسجيل الدخول</a></div>
  <a class="logo" href="/"><img src="/logo.png" alt="صحيفة الوطن اليوم"></a>
  <nav class="main-nav"><ul>
    <li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li>
    <li><a href="/sports">رياضة</a></li><li><a href="/misc">منوعات</a></li>
  </ul></nav>
  <form class="search" action="/search"><input type="text" name="q" placeholder="ابحث"><button>بحث</button></form>
</header>`;

const siteFooter = `<footer class="site-footer">
  <ul class="footer-links"><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul>
  <p>© 2024 صحيفة الوطن اليوم. جميع الحقوق محفوظة.</p>
</footer>
<div class="cookie-banner" id="cookie-consent"><p>نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.</p><button>موافق</button></div>
<script src="/static/app.js"></script>
<script>trackPageView();</script>`;

const cards = (withImages: boolean): string =>
  CARDS.map(
    (c) => `<article class="card">
      ${withImages ? `<figure><img src="/img/${c.date}.jpg" alt="${c.caption}"><figcaption>${c.caption}</figcaption></figure>` : ''}
      <h3 class="card-title"><a href="${c.href}">${c.title}</a></h3>
      <p class="card-lead">${c.lead}</p>
      <time datetime="${c.date}T09:00:00+03:00">${c.date}</time>
    </article>`,
  ).join('\n');

const mostRead = `<section class="most-read">
  <h2>الأكثر قراءة</h2>
  <ol>${MOST_READ.map((t, i) => `<li><a href="/news/${i}">${t}</a></li>`).join('')}</ol>
</section>`;

const jsonLd = `<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"الوطن اليوم","url":"https://example.com"},
 {"@type":"NewsArticle","headline":"${ARTICLE_TITLE}","datePublished":"2024-03-05T23:30:00+03:00","dateModified":"2024-03-06T08:00:00+03:00",
  "author":{"@type":"Person","name":"أحمد خالد"},"publisher":{"@type":"Organization","name":"صحيفة الوطن اليوم"}}]}
</script>`;

/** A full article page: header/nav, breadcrumb, h1, byline, time, figure, body, share bar, related cards, most read, comment form, footer. */
export function articlePage(bodyParagraphs: readonly string[] = ARTICLE_PARAGRAPHS): string {
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
${head(ARTICLE_TITLE, `<meta property="og:title" content="${ARTICLE_TITLE} | الوطن اليوم">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-05T23:30:00+03:00">
${jsonLd}`)}
<body class="single-post">
${siteHeader}
<main id="content">
  <ol class="breadcrumb"><li><a href="/">الرئيسية</a></li><li><a href="/economy">اقتصاد</a></li><li>${ARTICLE_TITLE}</li></ol>
  <article class="post">
    <header class="post-header">
      <h1 class="post-title">${ARTICLE_TITLE}</h1>
      <div class="post-meta"><span class="author"><a rel="author" href="/author/ahmad">أحمد خالد</a></span>
        <time datetime="2024-03-05T23:30:00+03:00">5 مارس 2024</time></div>
    </header>
    <figure class="post-image"><img src="/img/minister.jpg" alt="صورة الوزير"><figcaption>${ARTICLE_CAPTION}</figcaption></figure>
    <div class="share-bar"><a href="#fb">شارك على فيسبوك</a> <a href="#tw">تويتر</a></div>
    <div class="post-body">
      ${bodyParagraphs.map((p) => `<p>${p}</p>`).join('\n      ')}
      <div class="ad-slot">إعلان</div>
      <p class="hidden" style="display:none">نص مخفي</p>
    </div>
  </article>
  <aside class="related">
    <h2 class="section-title">مقالات ذات صلة</h2>
    ${cards(true)}
  </aside>
  ${mostRead}
  <section class="comments" id="comments">
    <h3>التعليقات</h3>
    <form class="comment-form" action="/comment"><label>أضف تعليقك</label><textarea name="c"></textarea><button type="submit">إرسال</button></form>
  </section>
  <div class="newsletter"><p>اشترك في النشرة البريدية لتصلك آخر الأخبار</p></div>
</main>
${siteFooter}
</body>
</html>`;
}

/** A category page: a list of cards and no main article. */
export function listingPage(): string {
  const many = [...CARDS, ...CARDS.map((c) => ({ ...c, href: c.href + '-2', title: c.title + ' (تحديث)' }))];
  return `<!DOCTYPE html><html lang="ar" dir="rtl">${head('أخبار الاقتصاد')}
<body>${siteHeader}
<main><h1 class="page-title">اقتصاد</h1>
<div class="posts-list">
${many
  .map(
    (c) => `<div class="post-item"><a href="${c.href}"><img src="/x.jpg" alt=""></a>
  <h2><a href="${c.href}">${c.title}</a></h2><p>${c.lead}</p><span class="date">${c.date}</span></div>`,
  )
  .join('\n')}
</div>
<div class="pagination"><a href="?page=2">التالي</a></div>
</main>${siteFooter}</body></html>`;
}

/** A 404 page. */
export function notFoundPage(): string {
  return `<!DOCTYPE html><html lang="ar" dir="rtl">${head('الصفحة غير موجودة')}
<body>${siteHeader}
<main><h1>عذرا، الصفحة غير موجودة</h1><p>ربما تم نقل الصفحة أو حذفها.</p><p><a href="/">العودة إلى الصفحة الرئيسية</a></p></main>
${siteFooter}</body></html>`;
}

/** An article whose body sits `depth` elements deep. */
export function deepPage(depth: number): string {
  const open = '<div class="wrap">'.repeat(depth);
  const close = '</div>'.repeat(depth);
  return `<!DOCTYPE html><html lang="ar"><head><title>${ARTICLE_TITLE}</title></head><body>${open}<h1>${ARTICLE_TITLE}</h1>${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}${close}</body></html>`;
}

/** A ~`targetBytes` page: the article page with a long body and a long list of related cards. */
export function bigPage(targetBytes: number): string {
  const base = articlePage();
  const paragraphs: string[] = [];
  let size = Buffer.byteLength(base, 'utf8');
  for (let i = 0; size < targetBytes * 0.6; i++) {
    const p = ARTICLE_PARAGRAPHS[i % ARTICLE_PARAGRAPHS.length] as string;
    paragraphs.push(p);
    size += Buffer.byteLength(p, 'utf8') + 8;
  }
  let html = articlePage(paragraphs);
  const extra: string[] = [];
  for (let i = 0; Buffer.byteLength(html, 'utf8') + extra.join('').length * 1.6 < targetBytes; i++) {
    const c = CARDS[i % CARDS.length] as (typeof CARDS)[number];
    extra.push(`<div class="teaser" data-id="${i}"><a href="${c.href}-${i}"><img src="/t${i}.jpg" alt="${c.caption}"></a><h4><a href="${c.href}-${i}">${c.title}</a></h4><p>${c.lead}</p><span class="date">${c.date}</span></div>\n`);
  }
  html = html.replace('<section class="most-read">', `<section class="more-news"><h2>المزيد من الأخبار</h2>${extra.join('')}</section><section class="most-read">`);
  return html;
}
