/**
 * SVG path data for a chart line, straight from the typed arrays a series snapshot carries:
 * no point objects and no curve generator per redraw, which on a 24-hour window of ten lines
 * (two points per pixel column each) is most of what a redraw costs.
 */

/** Maps a time or a value to a pixel coordinate. */
export type Scale = (value: number) => number;

export type PathShape = 'line' | 'step';

/** A coordinate with at most one decimal: enough for a screen, and short path strings. */
const px = (value: number) => Math.round(value * 10) / 10;

/**
 * `M x0 y0 L x1 y1 …` through every point (`step`: each value held until the next time, as
 * horizontal then vertical moves). Points that are not finite numbers are left out, never drawn
 * as a spike to the edge; an empty string when there is no point.
 */
export function linePath(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  x: Scale,
  y: Scale,
  shape: PathShape = 'line',
): string {
  const parts: string[] = [];
  let previousY: number | null = null;
  for (let i = 0; i < times.length; i += 1) {
    const value = values[i] as number;
    const time = times[i] as number;
    if (!Number.isFinite(value) || !Number.isFinite(time)) continue;
    const px0 = px(x(time));
    const py0 = px(y(value));
    if (previousY === null) parts.push(`M${px0},${py0}`);
    else if (shape === 'step') parts.push(`H${px0}V${py0}`);
    else parts.push(`L${px0},${py0}`);
    previousY = py0;
  }
  return parts.join('');
}

/**
 * The area under a line down to `baseY`, closed: the line's path, down to the baseline below
 * its last point, along the baseline to below its first, and back up.
 */
export function areaPath(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  x: Scale,
  y: Scale,
  baseY: number,
  shape: PathShape = 'line',
): string {
  const line = linePath(times, values, x, y, shape);
  if (!line) return '';
  // The path starts `M<x>,<y>`: the first drawn point's x.
  const firstX = line.slice(1, line.indexOf(','));
  return `${line}V${px(baseY)}H${firstX}Z`;
}

/**
 * A dense line (about a point per pixel column or more) as filled shapes instead of a stroke:
 * per pixel column, the band from its lowest to its highest point, widened by `halfWidth` on
 * each side and reaching to where the line came from in the column before, so a steep step
 * stays a solid bar. Columns next to each other form one polygon; a gap of empty columns (a
 * sensor that paused) is bridged by a line in `connectors`. Filling costs a software
 * rasteriser a fraction of stroking thousands of tiny zig-zags (bench case chart-24h), and
 * looks the same: a stroke of that width over the same points covers the same pixels.
 */
export function envelopePaths(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  x: Scale,
  y: Scale,
  halfWidth: number,
): { fill: string; connectors: string } {
  const fill: string[] = [];
  const connectors: string[] = [];
  // The run of adjacent columns being built: x of each column, its top and bottom.
  let runX: number[] = [];
  let runTop: number[] = [];
  let runBottom: number[] = [];
  const closeRun = () => {
    if (runX.length === 0) return;
    const last = runX.length - 1;
    // A lone column still gets a pixel of width.
    const left = last === 0 ? (runX[0] as number) - 0.5 : (runX[0] as number);
    const right = last === 0 ? (runX[0] as number) + 0.5 : (runX[last] as number);
    const parts = [`M${px(left)},${px(runTop[0] as number)}`];
    for (let i = 1; i < last; i += 1) parts.push(`L${runX[i]},${px(runTop[i] as number)}`);
    parts.push(`L${px(right)},${px(runTop[last] as number)}`);
    parts.push(`L${px(right)},${px(runBottom[last] as number)}`);
    for (let i = last - 1; i > 0; i -= 1) parts.push(`L${runX[i]},${px(runBottom[i] as number)}`);
    parts.push(`L${px(left)},${px(runBottom[0] as number)}Z`);
    fill.push(parts.join(''));
    runX = [];
    runTop = [];
    runBottom = [];
  };
  let column = NaN;
  let top = 0;
  let bottom = 0;
  let lastY = NaN;
  const endColumn = () => {
    if (Number.isNaN(column)) return;
    runX.push(column + 0.5);
    runTop.push(top - halfWidth);
    runBottom.push(bottom + halfWidth);
  };
  for (let i = 0; i < times.length; i += 1) {
    const time = times[i] as number;
    const value = values[i] as number;
    if (!Number.isFinite(value) || !Number.isFinite(time)) continue;
    const pointX = x(time);
    const pointY = y(value);
    const at = Math.floor(pointX);
    if (at === column) {
      if (pointY < top) top = pointY;
      if (pointY > bottom) bottom = pointY;
    } else {
      endColumn();
      if (!Number.isNaN(column) && at > column + 1) {
        // Empty columns between: this run ends, and a thin line bridges the gap.
        closeRun();
        connectors.push(`M${px(column + 0.5)},${px(lastY)}L${px(at + 0.5)},${px(pointY)}`);
        top = pointY;
        bottom = pointY;
      } else {
        // From where the line was in the column before, so a jump is a solid bar.
        top = Number.isNaN(lastY) ? pointY : Math.min(lastY, pointY);
        bottom = Number.isNaN(lastY) ? pointY : Math.max(lastY, pointY);
      }
      column = at;
    }
    lastY = pointY;
  }
  endColumn();
  closeRun();
  return { fill: fill.join(''), connectors: connectors.join('') };
}
