import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JsonTree } from './json-tree.tsx';

/** Rendered on the server: no DOM is needed to check roles, names and what is escaped. */
const render = (value: unknown, onChartField?: (path: (string | number)[]) => void) =>
  renderToStaticMarkup(
    <JsonTree value={value} label="Payload as JSON" onChartField={onChartField} />,
  );

describe('JsonTree', () => {
  it('is a labelled tree with one Tab stop and levelled, expandable items', () => {
    const html = render({ t: 21.5, readings: [{ value: 1 }] });
    expect(html).toContain('role="tree" aria-label="Payload as JSON"');
    expect(html.match(/role="treeitem"/g)).toHaveLength(4);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('aria-level="2"');
    expect(html).toContain('aria-expanded="true"');
  });

  it('offers a Chart button on numbers, named by the path, only when charting is possible', () => {
    const html = render({ readings: [{ value: 1 }], name: 'x' }, () => {});
    expect(html).toContain('aria-label="Chart readings[0].value"');
    expect(html.match(/>Chart</g)).toHaveLength(1);
    expect(render({ readings: [{ value: 1 }] })).not.toContain('>Chart<');
  });

  it('renders markup in a payload as text', () => {
    const html = render({ '<img src=x onerror=alert(1)>': '<script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('shows a button for the children past the first 200', () => {
    const html = render(Array.from({ length: 250 }, (_, i) => `item ${i}`));
    expect(html).toContain('>Show 50 more</button>');
    expect(html).toContain('50 not shown');
  });

  it('renders a document nested 10,000 levels deep, collapsed past the second level', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { k: deep };
    expect(render(deep).match(/role="treeitem"/g)).toHaveLength(3);
  });
});
