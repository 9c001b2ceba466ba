/** Parsing (linkedom), with the two repairs linkedom needs. */
import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from './dom-types.js';

/** Parses HTML into a document; without an <html> tag (linkedom needs one) the text is wrapped first. */
export function parseDocument(raw: string): DomDocument {
  const html = dropInertElements(raw);
  const src = /<html[\s>]/i.test(html)
    ? html
    : /<body[\s>]/i.test(html)
      ? `<!DOCTYPE html><html>${html}</html>`
      : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(src);
  const doc = document as unknown as DomDocument;
  // linkedom keeps attribute names as written and reads them case-sensitively: old pages' CLASS= and HREF= are renamed.
  if (UPPER_ATTRIBUTE.test(src)) lowerAttributeNames(doc);
  return doc;
}

/**
 * Scripts (but JSON-LD, which holds the metadata), styles, SVG drawings, templates and comments carry no text a
 * reader sees; cutting them out before parsing spares building thousands of DOM nodes (measured: the DOM node
 * constructor was the largest single cost of the HTML stage).
 */
const INERT = /<!--[\s\S]*?-->|<(script|style|svg|noscript|template)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi;
export function dropInertElements(html: string): string {
  return html.replace(INERT, (whole, tag: string | undefined, attrs: string | undefined) =>
    tag?.toLowerCase() === 'script' && /application\/ld\+json/i.test(attrs ?? '') ? whole : '',
  );
}

/** An attribute name starting upper-case (CLASS=, Href=; not SVG's viewBox=) in a tag. */
const UPPER_ATTRIBUTE = /<[A-Za-z][^<>]*?\s[A-Z][A-Za-z-]*\s*=/;

function lowerAttributeNames(doc: DomDocument): void {
  const all = doc.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as DomElement;
    const upper = Array.from(el.attributes).filter((a) => a.name !== a.name.toLowerCase());
    for (const { name, value } of upper) {
      el.removeAttribute(name);
      if (!el.hasAttribute(name.toLowerCase())) el.setAttribute(name.toLowerCase(), value);
    }
  }
}
