// The only way the page creates elements. Text always goes through text nodes and attributes through
// setAttribute with a fixed set of names, so a label such as `<img src=x onerror=…>` in a report stays
// text. There is no innerHTML anywhere in the page.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  /** Safe attributes only: inline handlers and `style` are refused (the CSP would block `style` anyway). */
  attrs?: Record<string, string | number | boolean | undefined>;
  dataset?: Record<string, string>;
  onClick?: (event: MouseEvent) => void;
  onChange?: (event: Event) => void;
}

function forbidden(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('on') || lower === 'style' || lower === 'srcdoc';
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title) el.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    if (forbidden(name)) throw new Error(`refusing attribute ${name}`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [key, value] of Object.entries(props.dataset ?? {})) el.dataset[key] = value;
  const onClick = props.onClick;
  if (onClick) el.addEventListener('click', (event) => onClick(event as MouseEvent));
  if (props.onChange) el.addEventListener('change', props.onChange);
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** A plain button (type=button, so it never submits anything). */
export function button(props: Props, ...children: Child[]): HTMLButtonElement {
  return h('button', { ...props, attrs: { type: 'button', ...props.attrs } }, ...children);
}
