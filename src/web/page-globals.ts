/**
 * The page's globals as the browser tests' page.evaluate callbacks use them. Those callbacks run in the page, not
 * in Node; the tests declare these names module-locally (`declare const document: PageDocument`) so that the Node
 * build needs no DOM library.
 */
export interface PageElement {
  tagName: string;
  id: string;
  dataset: Record<string, string | undefined>;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  hasAttribute(name: string): boolean;
  closest(selector: string): PageElement | null;
}

export interface PageDocument {
  documentElement: PageElement;
  fonts: { check(font: string, text?: string): boolean; ready: Promise<unknown> };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  scripts: { length: number };
  activeElement: PageElement | null;
  addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string }) => void): void;
}

export interface PageWindow {
  __csp?: string[];
  /** set by the hostile pages' payloads (examples/hostile-web) if one ever ran */
  __pwned?: unknown;
}
