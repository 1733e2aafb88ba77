import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from './payload-template.ts';
import type { TemplateContext } from './payload-template.ts';
import { anyText } from './test-arbitraries.ts';

const context = (changes: Partial<TemplateContext> = {}): TemplateContext => ({
  counter: 7,
  now: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  elapsedMs: 0,
  random: () => 0.5,
  uuid: () => '00000000-0000-4000-8000-000000000000',
  ...changes,
});

function render(text: string, changes: Partial<TemplateContext> = {}): string {
  const compiled = compileTemplate(text);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.template.render(context(changes));
}

const reason = (text: string) => {
  const compiled = compileTemplate(text);
  return compiled.ok ? null : compiled.reason;
};

describe('payload templates', () => {
  it('fills each placeholder', () => {
    expect(render('{"n":{{counter}},"t":{{timestamp}}}')).toBe('{"n":7,"t":1767323045006}');
    expect(render('{{ iso }}')).toBe('2026-01-02T03:04:05.006Z');
    expect(render('id={{uuid}}')).toBe('id=00000000-0000-4000-8000-000000000000');
    expect(render('{{random(1,6)}}', { random: () => 0 })).toBe('1');
    expect(render('{{random(1,6)}}', { random: () => 0.9999 })).toBe('6');
    expect(render('{{random(20.0, 25.5)}}', { random: () => 0.5 })).toBe('22.8');
    expect(render('{{sine(60,10)}}', { elapsedMs: 15_000 })).toBe('10');
    expect(render('{{sine(60,10)}}', { elapsedMs: 0 })).toBe('0');
    expect(render('{{sine(60,10)}}', { elapsedMs: 45_000 })).toBe('-10');
  });

  it('leaves text without placeholders as it is', () => {
    const compiled = compileTemplate('plain {text} }}');
    expect(compiled.ok && compiled.template.dynamic).toBe(false);
    expect(render('plain {text} }}')).toBe('plain {text} }}');
    expect(render('')).toBe('');
  });

  it('refuses an unknown placeholder by its name, and malformed ones with the reason', () => {
    expect(reason('{{countr}}')).toBe(
      'Unknown placeholder {{countr}}: use counter, timestamp, iso, random(min,max), sine(period,amplitude) or uuid.',
    );
    expect(reason('{{random(1)}}')).toContain('takes two numbers');
    expect(reason('{{random(a,b)}}')).toContain('takes two numbers');
    expect(reason('{{random(9,1)}}')).toContain('minimum is larger');
    expect(reason('{{sine(0,5)}}')).toContain('period');
    expect(reason('abc {{counter')).toBe("The '{{' at position 5 is not closed by '}}'.");
  });

  it('renders any text without placeholders to itself, and never throws compiling', () => {
    fc.assert(
      fc.property(anyText(60), (text) => {
        const compiled = compileTemplate(text);
        if (!text.includes('{{')) {
          expect(compiled.ok && compiled.template.render(context())).toBe(text);
        }
      }),
    );
  });

  it('random(min,max) stays within its bounds for any draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000, max: 1_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (min, span, draw) => {
          const value = Number(render(`{{random(${min},${min + span})}}`, { random: () => draw }));
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(min + span);
        },
      ),
    );
  });
});
