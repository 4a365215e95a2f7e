/**
 * The only way the panel builds markup: elements and text nodes, never HTML strings. Everything that comes
 * from data (names, reasons, verbatims) therefore reaches the page as text and cannot run.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  /** Attributes are set with setAttribute, so values are never parsed as markup. */
  attrs?: Record<string, string | number | boolean | undefined>;
  text?: string;
  on?: Partial<Record<"click" | "keydown", (event: Event) => void>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  decorate(element, props, children);
  return element;
}

const SvgNamespace = "http://www.w3.org/2000/svg";

export function svg(tag: string, props: Props = {}, children: readonly Child[] = []): SVGElement {
  const element = document.createElementNS(SvgNamespace, tag);
  decorate(element, props, children);
  return element;
}

function decorate(element: Element, props: Props, children: readonly Child[]): void {
  if (props.className !== undefined) element.setAttribute("class", props.className);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  if (props.text !== undefined) element.textContent = props.text;
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(type, listener);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `container` with `children`. */
export function replaceChildren(container: Element, children: readonly Node[]): void {
  while (container.firstChild !== null) container.removeChild(container.firstChild);
  for (const child of children) container.appendChild(child);
}
