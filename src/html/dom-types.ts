/**
 * The few DOM members the html stage uses, typed here because the project compiles without the DOM library
 * (linkedom's own typings point at the DOM's global types).
 */
export interface DomNode {
  readonly nodeType: number;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly textContent: string | null;
}

export interface DomText extends DomNode {
  readonly data: string;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  remove(): void;
  replaceWith(...nodes: DomNode[]): void;
  insertBefore(node: DomNode, before: DomNode | null): DomNode;
}

export interface DomDocument {
  readonly body: DomElement | null;
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
