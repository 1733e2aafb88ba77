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

  it('shows the other characters that draw nothing: fillers, soft hyphens, tags', () => {
    // Found by visible-text.property.test.ts: 'plant/\u3164' read as 'plant/'.
    expect(visibleText('plant/\u3164')).toBe('plant/\\u3164');
    expect(visibleText('pass\u00ADword')).toBe('pass\\u00ADword');
    expect(visibleText('a\u206Ab')).toBe('a\\u206Ab');
    // Tag characters can spell hidden ASCII; outside the BMP they are written \u{…}.
    expect(visibleText('ok\u{E0041}')).toBe('ok\\u{E0041}');
  });

  it('leaves ordinary text, tabs, line breaks and other scripts alone', () => {
    for (const text of ['21.5 °C', 'a\tb\nc\r\n', 'température', 'مرحبا', '温度', '👍', '❤️'])
      expect(visibleText(text)).toBe(text);
  });
});
