/**
 * A chart as a PNG: its SVG, copied with every colour and font resolved to computed values (an
 * image drawn outside the page has no stylesheet and no CSS variables), under a row with the
 * title and the names of the lines, on the theme's background, rasterised at `scale` device
 * pixels per CSS pixel. Loaded on demand when the user exports, never with the first screen.
 */

/** Height in CSS pixels of the title row drawn above the plot. */
export const PNG_HEADER_HEIGHT = 26;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What the page's stylesheet sets on a chart's SVG elements and the image must carry itself. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'paint-order',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-variant-numeric',
] as const;

/** Interaction marks that are not part of the chart: the hover cursor and a zoom selection. */
const NOT_EXPORTED = '.chart-cursor, .chart-zoom-selection';

export interface ChartPngOptions {
  title: string;
  legend: readonly { label: string; color: string }[];
  /** Device pixels per CSS pixel (window.devicePixelRatio). */
  scale: number;
}

/** The colour behind `element`: the first ancestor's background that is not transparent. */
function backgroundBehind(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return getComputedStyle(document.body).backgroundColor || '#ffffff';
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A copy of `svg` whose elements carry their computed styles inline. */
function inlinedCopy(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copied = [copy, ...copy.querySelectorAll('*')];
  live.forEach((element, index) => {
    const target = copied[index];
    if (!target) return;
    const computed = getComputedStyle(element);
    const style = STYLE_PROPERTIES.map(
      (property) => `${property}:${computed.getPropertyValue(property)}`,
    ).join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  });
  // The copy lost its class names: find the marks by their place in the live SVG.
  svg.querySelectorAll(NOT_EXPORTED).forEach((element) => copied[live.indexOf(element)]?.remove());
  return copy;
}

/** The title row: the chart's title, then a swatch and name per line while they fit. */
function header(
  options: ChartPngOptions,
  width: number,
  font: string,
  textColor: string,
): SVGGElement {
  const row = svgElement('g', { 'font-family': font, 'font-size': 12, fill: textColor });
  const measure = document.createElement('canvas').getContext('2d');
  const textWidth = (text: string, size: number, weight = 400) => {
    if (!measure) return text.length * size * 0.6;
    measure.font = `${weight} ${size}px ${font}`;
    return measure.measureText(text).width;
  };
  const baseline = 17;
  row.append(
    svgElement('text', { x: 8, y: baseline, 'font-size': 13, 'font-weight': 600 }, options.title),
  );
  let x = 8 + textWidth(options.title, 13, 600) + 14;
  options.legend.forEach((line, index) => {
    if (x < 0) return;
    const itemWidth = 14 + textWidth(line.label, 12) + 12;
    const rest = options.legend.length - index;
    const moreWidth = textWidth(`+${rest} more`, 12) + 8;
    const fits = x + itemWidth + (rest > 1 ? moreWidth : 0) <= width;
    if (!fits) {
      row.append(svgElement('text', { x, y: baseline, opacity: 0.75 }, `+${rest} more`));
      x = -1;
      return;
    }
    row.append(
      svgElement('rect', { x, y: baseline - 9, width: 10, height: 10, rx: 2, fill: line.color }),
    );
    row.append(svgElement('text', { x: x + 14, y: baseline }, line.label));
    x += itemWidth;
  });
  return row;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not read the chart as an image'));
    image.src = url;
  });
}

/** Draws the chart `svg` (with title and legend names above) into a PNG. */
export async function chartPng(svg: SVGSVGElement, options: ChartPngOptions): Promise<Blob> {
  const width = svg.width.baseVal.value;
  const plotHeight = svg.height.baseVal.value;
  const height = plotHeight + PNG_HEADER_HEIGHT;
  const scale = options.scale > 0 ? options.scale : 1;
  const figure = svg.closest('figure') ?? svg;
  const page = getComputedStyle(figure);

  // Sized in device pixels with a CSS-pixel viewBox: the browser rasterises the vectors sharp.
  const image = svgElement('svg', {
    xmlns: SVG_NS,
    width: Math.round(width * scale),
    height: Math.round(height * scale),
    viewBox: `0 0 ${width} ${height}`,
  });
  image.append(svgElement('rect', { width, height, fill: backgroundBehind(figure) }));
  image.append(header(options, width, page.fontFamily, page.color));
  const plot = inlinedCopy(svg);
  plot.setAttribute('x', '0');
  plot.setAttribute('y', String(PNG_HEADER_HEIGHT));
  image.append(plot);

  const source = new XMLSerializer().serializeToString(image);
  // A data: URL, which the page's Content-Security-Policy allows for images (blob: it does not).
  const loaded = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.drawImage(loaded, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))),
      'image/png',
    ),
  );
}
