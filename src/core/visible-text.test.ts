import { describe, expect, it } from 'vitest';
import { visibleText } from './visible-text.ts';

describe('visibleText', () => {
  it('shows a right-to-left override instead of obeying it', () => {
    expect(visibleText('abc\u202Egnp.exe')).toBe('abc\\u202Egnp.exe');
  });

  it('shows zero-width characters and isolates, so look-alike topics differ', () => {
    expect(visibleText('plant/\u200Bboiler')).toBe('plant/\\u200Bboiler');
    expect(visibleText('\u2066x\u2069')).toBe('\\u2066x\\u2069');
    expect(visibleText('\uFEFFstart')).toBe('\\uFEFFstart');
    expect(visibleText('bell\u0007')).toBe('bell\\u0007');
  });

  it('leaves ordinary text, tabs, line breaks and other scripts alone', () => {
    for (const text of ['21.5 °C', 'a\tb\nc\r\n', 'température', 'مرحبا', '温度', '👍'])
      expect(visibleText(text)).toBe(text);
  });
});
