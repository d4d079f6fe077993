// Word's automatic numbering (numbering.xml): the label a numbered paragraph shows (一、 （一） 1. ①) is not in its
// text, so it is rebuilt here from the list definitions and running counters.
import { child, elements, parseXml, type XmlElement } from './plan-xml.ts';

interface Level {
  start: number;
  format: string;
  text: string;
  restart: number | null;
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五. */
export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  return `${CN_DIGITS[Math.floor(n / 100) % 10]}百${rest === 0 ? '' : rest < 10 ? `零${CN_DIGITS[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest)}`;
}

function formatNumber(n: number, format: string): string | null {
  switch (format) {
    case 'decimal':
    case 'decimalZero':
      return format === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
    case 'upperRoman': {
      const r = roman(n);
      return format === 'lowerRoman' ? r.toLowerCase() : r;
    }
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'none':
      return '';
    default:
      return null;
  }
}

function roman(value: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let n = value;
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

const val = (el: XmlElement | undefined) => el?.attrs['w:val'];

export interface Numbering {
  /** The label for the next paragraph of list `numId` at level `ilvl`, counters advanced; null for bullets. */
  next(numId: string, ilvl: number): string | null;
}

export function readNumbering(xml: string | null): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  if (xml) {
    const root = child(parseXml(xml), 'w:numbering');
    for (const a of root ? elements(root, 'w:abstractNum') : []) {
      const levels = new Map<number, Level>();
      for (const l of elements(a, 'w:lvl')) {
        const restart = val(child(l, 'w:lvlRestart'));
        levels.set(Number(l.attrs['w:ilvl'] ?? 0), {
          start: Number(val(child(l, 'w:start')) ?? 1),
          format: val(child(l, 'w:numFmt')) ?? 'decimal',
          text: val(child(l, 'w:lvlText')) ?? '',
          restart: restart === undefined ? null : Number(restart),
        });
      }
      abstracts.set(a.attrs['w:abstractNumId'] ?? '', levels);
    }
    for (const n of root ? elements(root, 'w:num') : []) {
      const starts = new Map<number, number>();
      for (const o of elements(n, 'w:lvlOverride')) {
        const s = val(child(o, 'w:startOverride'));
        if (s !== undefined) starts.set(Number(o.attrs['w:ilvl'] ?? 0), Number(s));
      }
      nums.set(n.attrs['w:numId'] ?? '', { abstractId: val(child(n, 'w:abstractNumId')) ?? '', starts });
    }
  }
  const counters = new Map<string, number[]>();
  return {
    next(numId, ilvl) {
      const num = nums.get(numId);
      const levels = num ? abstracts.get(num.abstractId) : undefined;
      const level = levels?.get(ilvl);
      if (!num || !levels || !level || level.format === 'bullet') return null;
      const startOf = (i: number) => num.starts.get(i) ?? levels.get(i)?.start ?? 1;
      const c = counters.get(numId) ?? [];
      c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : (c[ilvl] as number) + 1;
      for (let i = ilvl + 1; i < 9; i++) if (levels.get(i)?.restart !== 0) c[i] = undefined as unknown as number;
      counters.set(numId, c);
      let failed = false;
      const label = level.text.replace(/%(\d)/gu, (_, d: string) => {
        const i = Number(d) - 1;
        const shown = formatNumber(c[i] ?? startOf(i), levels.get(i)?.format ?? 'decimal');
        if (shown === null) failed = true;
        return shown ?? '';
      });
      return failed ? null : label;
    },
  };
}
