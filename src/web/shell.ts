/**
 * The page's HTML shell, shared by the served page (index.html: CSS and JS as files) and the report (everything
 * inline). Only constant markup here: the data arrives through the client, which builds the DOM itself.
 */

export interface ShellParts {
  /** Extra <head> markup before the styles (the report's meta CSP). */
  headStart?: string;
  /** <link> or <style> */
  styles: string;
  /** <script> elements at the end of <body>. */
  scripts: string;
  title?: string;
}

/** Text for an HTML element's content. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function pageShell(p: ShellParts): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
${p.headStart ?? ''}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="referrer" content="no-referrer">
<title>${escapeText(p.title ?? 'رصد')}</title>
${p.styles}
</head>
<body>
<a class="skip" href="#main">تخطَّ إلى المحتوى</a>
<header class="site">
<div class="bar">
<a class="brand" href="#/stories"><span class="logo" aria-hidden="true"></span>رصد<small>متابعة الأخبار العربية</small></a>
<nav class="site-nav" aria-label="الأقسام">
<ul>
<li><a href="#/stories" data-nav="stories">القصص</a></li>
<li><a href="#/articles" data-nav="articles">المقالات</a></li>
<li><a href="#/entities" data-nav="entities">الأسماء</a></li>
<li><a href="#/search" data-nav="search">البحث</a></li>
</ul>
</nav>
<form id="quick-search" class="quick" role="search">
<label for="quick-q" class="sr-only">ابحث في المقالات</label>
<input id="quick-q" type="search" name="q" placeholder="ابحث في المقالات…" autocomplete="off">
<button type="submit">بحث</button>
</form>
</div>
<p id="data-note" class="data-note"></p>
</header>
<main id="main" tabindex="-1"><p class="loading">جارٍ التحميل…</p></main>
<footer class="site-foot">
<p>رصد: متابعة الأخبار العربية للصحفيين والباحثين ومدققي المعلومات. الخط: Noto Naskh Arabic (رخصة SIL OFL 1.1).</p>
</footer>
<noscript><p class="noscript">تحتاج هذه الصفحة إلى تفعيل جافاسكربت.</p></noscript>
${p.scripts}
</body>
</html>
`;
}
