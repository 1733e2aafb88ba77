/**
 * The colours of a chart's lines. Twenty, picked greedily for the largest smallest CIEDE2000
 * difference between any two (at least 16, where 2 is "just noticeable") among colours with a
 * contrast of at least 4.5:1 on the chart card's background; the first four are the ones the
 * charts always had. Issue 15: the old list of twelve had two nearly equal blues.
 */
export const LINE_COLORS = [
  '#38bdf8',
  '#f472b6',
  '#a3e635',
  '#fbbf24',
  '#f9561f',
  '#3fa68d',
  '#ead0c8',
  '#8d83fc',
  '#b4fdf7',
  '#a6843f',
  '#d9bef4',
  '#f4efbe',
  '#1ff9b1',
  '#62a63f',
  '#ce847e',
  '#c8dcea',
  '#e49b67',
  '#3f95a6',
  '#3c8cdd',
  '#de51fb',
] as const;

/**
 * The same for the light theme: picked the same way among colours with a contrast of at least
 * 3:1 on a light card (#f8fafc); a light background leaves fewer such colours, so the smallest
 * difference is about 13 rather than 16.
 */
export const LIGHT_LINE_COLORS = [
  '#0369a1',
  '#db2777',
  '#4d7c0f',
  '#b45309',
  '#7306e0',
  '#987ece',
  '#3f9ea6',
  '#a68d3f',
  '#f91f31',
  '#f91ff9',
  '#0697e0',
  '#334155',
  '#515ffb',
  '#a63f3f',
  '#a63fa6',
  '#c08459',
  '#e46772',
  '#64748b',
  '#a651fb',
  '#6787e4',
] as const;

/** The colour of line `index` in a theme; past twenty the colours repeat. */
export function lineColor(index: number, scheme: 'dark' | 'light' = 'dark'): string {
  const colors = scheme === 'light' ? LIGHT_LINE_COLORS : LINE_COLORS;
  const i = Number.isInteger(index) && index >= 0 ? index % colors.length : 0;
  return colors[i] ?? colors[0];
}
