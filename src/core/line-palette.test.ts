import { describe, expect, it } from 'vitest';
import { LIGHT_LINE_COLORS, LINE_COLORS, lineColor } from './line-palette.ts';

// Colour science for the test only: sRGB → CIELAB (D65) and the CIEDE2000 difference.
function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function lab(hex: string): [number, number, number] {
  const [r, g, b] = rgb(hex).map(linear) as [number, number, number];
  const x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047;
  const y = r * 0.2126 + g * 0.7152 + b * 0.0722;
  const z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
function ciede2000(p: string, q: string): number {
  const [L1, a1, b1] = lab(p);
  const [L2, a2, b2] = lab(q);
  const rad = Math.PI / 180;
  const Cbar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const ap1 = (1 + G) * a1;
  const ap2 = (1 + G) * a2;
  const C1 = Math.hypot(ap1, b1);
  const C2 = Math.hypot(ap2, b2);
  const hue = (x: number, y: number) =>
    x === 0 && y === 0 ? 0 : (Math.atan2(y, x) / rad + 360) % 360;
  const h1 = hue(ap1, b1);
  const h2 = hue(ap2, b2);
  let dh = 0;
  if (C1 * C2 !== 0) dh = h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 < -180 ? h2 - h1 + 360 : h2 - h1;
  const dL = L2 - L1;
  const dC = C2 - C1;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin((dh * rad) / 2);
  const Lbar = (L1 + L2) / 2;
  const Cpbar = (C1 + C2) / 2;
  let hbar = h1 + h2;
  if (C1 * C2 !== 0) hbar = (Math.abs(h1 - h2) > 180 ? hbar + (hbar < 360 ? 360 : -360) : hbar) / 2;
  const T =
    1 -
    0.17 * Math.cos((hbar - 30) * rad) +
    0.24 * Math.cos(2 * hbar * rad) +
    0.32 * Math.cos((3 * hbar + 6) * rad) -
    0.2 * Math.cos((4 * hbar - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hbar - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cpbar ** 7 / (Cpbar ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lbar - 50) ** 2) / Math.sqrt(20 + (Lbar - 50) ** 2);
  const SC = 1 + 0.045 * Cpbar;
  const SH = 1 + 0.015 * Cpbar * T;
  const RT = -Math.sin(2 * dTheta * rad) * RC;
  return Math.sqrt((dL / SL) ** 2 + (dC / SC) ** 2 + (dH / SH) ** 2 + RT * (dC / SC) * (dH / SH));
}
function contrast(p: string, q: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = rgb(hex).map(linear) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(p), lum(q)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('chart line colours', () => {
  it('has twenty colours, every pair clearly different (CIEDE2000 of 15 or more)', () => {
    expect(LINE_COLORS).toHaveLength(20);
    for (let i = 0; i < LINE_COLORS.length; i += 1) {
      for (let j = i + 1; j < LINE_COLORS.length; j += 1) {
        const distance = ciede2000(LINE_COLORS[i]!, LINE_COLORS[j]!);
        expect(distance, `${LINE_COLORS[i]} vs ${LINE_COLORS[j]}`).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it('would catch the two blues of the old palette', () => {
    expect(ciede2000('#38bdf8', '#60a5fa')).toBeLessThan(15);
  });

  it('reads on the chart card (contrast 4.5:1 or more on #17223a)', () => {
    for (const color of LINE_COLORS) expect(contrast(color, '#17223a')).toBeGreaterThanOrEqual(4.5);
  });

  it('has twenty for the light theme too, each pair apart (12 or more), each readable on white', () => {
    expect(LIGHT_LINE_COLORS).toHaveLength(20);
    for (let i = 0; i < LIGHT_LINE_COLORS.length; i += 1) {
      expect(contrast(LIGHT_LINE_COLORS[i]!, '#f8fafc')).toBeGreaterThanOrEqual(3);
      for (let j = i + 1; j < LIGHT_LINE_COLORS.length; j += 1) {
        expect(ciede2000(LIGHT_LINE_COLORS[i]!, LIGHT_LINE_COLORS[j]!)).toBeGreaterThanOrEqual(12);
      }
    }
    expect(lineColor(1, 'light')).toBe(LIGHT_LINE_COLORS[1]);
  });

  it('gives each of the first twenty lines its own colour, then repeats', () => {
    const first = Array.from({ length: 20 }, (_, i) => lineColor(i));
    expect(new Set(first).size).toBe(20);
    expect(lineColor(20)).toBe(lineColor(0));
    expect(lineColor(-1)).toBe(LINE_COLORS[0]);
  });
});
