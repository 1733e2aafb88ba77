/**
 * Payload templates for the repeat publisher: `{"n": {{counter}}, "t": {{timestamp}}}`. A
 * template is compiled once into parts (text and value makers); rendering one message is a
 * walk over the parts, with no parsing per message.
 */

/** What a rendering may read: the message's number, the clock, and sources of chance. */
export interface TemplateContext {
  /** 1 for the first message. */
  counter: number;
  /** Epoch milliseconds. */
  now: number;
  /** Milliseconds since the first message, for sine(). */
  elapsedMs: number;
  /** A number in [0, 1). */
  random: () => number;
  uuid: () => string;
}

export interface CompiledTemplate {
  /** Whether any placeholder is used; a plain text renders to itself. */
  readonly dynamic: boolean;
  render(context: TemplateContext): string;
}

export type TemplateResult =
  { ok: true; template: CompiledTemplate } | { ok: false; reason: string };

type Part = string | ((context: TemplateContext) => string);

const KNOWN = 'counter, timestamp, iso, random(min,max), sine(period,amplitude) or uuid';

/** Decimal places of a number as written ("2.50" → 2), for random() to keep. */
function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function parseArgs(name: string, args: string): { values: number[]; texts: string[] } | string {
  const texts = args.split(',').map((arg) => arg.trim());
  if (texts.length !== 2 || texts.some((t) => !/^-?\d+(\.\d+)?$/.test(t))) {
    return `{{${name}(…)}} takes two numbers, as in {{${name === 'random' ? 'random(0,100)' : 'sine(60,10)'}}}.`;
  }
  return { values: texts.map(Number), texts };
}

/** One placeholder's value maker, or why it is not one. */
function placeholder(body: string): Part | string {
  const name = body.trim();
  switch (name) {
    case 'counter':
      return (c) => String(c.counter);
    case 'timestamp':
      return (c) => String(c.now);
    case 'iso':
      return (c) => new Date(c.now).toISOString();
    case 'uuid':
      return (c) => c.uuid();
  }
  const call = /^(random|sine)\s*\((.*)\)$/s.exec(name);
  if (!call) return `Unknown placeholder {{${name}}}: use ${KNOWN}.`;
  const fn = call[1] as 'random' | 'sine';
  const args = parseArgs(fn, call[2] ?? '');
  if (typeof args === 'string') return args;
  const [a, b] = args.values as [number, number];
  if (fn === 'random') {
    if (b < a) return `{{random(${a},${b})}}: the minimum is larger than the maximum.`;
    const places = Math.max(decimals(args.texts[0] ?? ''), decimals(args.texts[1] ?? ''));
    if (places === 0) return (c) => String(a + Math.floor(c.random() * (b - a + 1)));
    return (c) => (a + c.random() * (b - a)).toFixed(places);
  }
  if (a <= 0) return `{{sine(${a},${b})}}: the period (seconds) must be more than 0.`;
  // One full wave every `a` seconds, between -b and b, from 0 at the first message.
  return (c) => {
    const value = b * Math.sin((2 * Math.PI * c.elapsedMs) / (a * 1_000));
    return String(Math.round(value * 1_000) / 1_000);
  };
}

/**
 * Compiles `text` with its `{{…}}` placeholders. Refuses an unknown placeholder (naming it),
 * a malformed call and an unclosed `{{`, so a typo is caught before the first message.
 */
export function compileTemplate(text: string): TemplateResult {
  const parts: Part[] = [];
  let at = 0;
  let dynamic = false;
  for (;;) {
    const open = text.indexOf('{{', at);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      return { ok: false, reason: `The '{{' at position ${open + 1} is not closed by '}}'.` };
    }
    if (open > at) parts.push(text.slice(at, open));
    const part = placeholder(text.slice(open + 2, close));
    if (typeof part === 'string') return { ok: false, reason: part };
    parts.push(part);
    dynamic = true;
    at = close + 2;
  }
  if (at < text.length) parts.push(text.slice(at));
  const fixed =
    parts.length === 0 ? '' : parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : null;
  return {
    ok: true,
    template: {
      dynamic,
      render:
        fixed !== null
          ? () => fixed
          : (context) => {
              let out = '';
              for (const part of parts) out += typeof part === 'string' ? part : part(context);
              return out;
            },
    },
  };
}
