// Document fields: title, issuer (signature or 发文机关), issue date (成文日期), 发文字号 and the years covered.
import type { PlanPeriod } from './plan.contract.ts';
import type { Outline } from './plan-outline.rules.ts';
import { isPlanTitle } from './plan-outline.rules.ts';
import type { Para } from './plan-paragraphs.rules.ts';
import { chineseNumber, isoDate, lastDayOfMonth, yearsOf } from './plan-text.rules.ts';

export interface PlanMeta {
  title: string | null;
  issuer: string | null;
  issueDate: string | null;
  docNumber: string | null;
  period: PlanPeriod | null;
  /** Titles of the parts when one notice issues several plans (seed 001: three 工作要点). */
  multiPart: boolean;
}

const ORG_END = /(人民政府|政府|办事处|委员会|办公室|指挥部|领导小组|局|委|厅|中心|街道|镇|乡|县|区|市|处|部|会|所|队|站|公司)$/u;
const DOC_NUMBER = /^[\p{Script=Han}]{1,12}[〔［[【(（]\d{4}[〕］\]】)）]\d{1,4}号$/u;
const CN_DIGIT = '[〇零一二三四五六七八九十]';

/** 2024年4月22日 or 二〇二四年四月二十二日 → 2024-04-22 (the whole paragraph must be the date). */
export function signatureDate(text: string): string | null {
  const arabic = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(text);
  const chinese = new RegExp(`^(${CN_DIGIT}{4})年(${CN_DIGIT}{1,3})月(${CN_DIGIT}{1,3})日$`, 'u').exec(text);
  const m = arabic ?? chinese;
  if (!m) return null;
  const year = arabic ? Number(m[1]) : Number([...(m[1] as string)].map((c) => chineseNumber(c === '〇' ? '零' : c)).join(''));
  const month = chineseNumber(m[2] as string);
  const day = chineseNumber(m[3] as string);
  if (!(year > 1900 && month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month))) return null;
  return isoDate(year, month, day);
}

/** The name in the covering notice: 关于印发《X》的通知 → X (the heading may be broken over lines). */
export function noticeName(paras: Para[]): { name: string; issuer: string | null } | null {
  for (let i = 0; i < Math.min(paras.length, 40); i++) {
    const p = paras[i] as Para;
    if (p.table || !/关于(印发|转发|下发)/u.test(p.text)) continue;
    let text = p.text;
    for (let j = i + 1; !/通知$|的通知/u.test(text) && j < Math.min(paras.length, i + 4); j++) text += (paras[j] as Para).text;
    const m = /^(.*?)关于(?:印发|转发|下发)(.+?)的(?:通知|函)/u.exec(text);
    if (!m) continue;
    const name = (m[2] as string).replace(/[《》〈〉]/gu, '');
    return { name, issuer: m[1] && ORG_END.test(m[1]) ? (m[1] as string) : null };
  }
  return null;
}

function signature(paras: Para[]): { issuer: string; date: string } | null {
  for (let i = 1; i < paras.length; i++) {
    const date = signatureDate((paras[i] as Para).text);
    const org = (paras[i - 1] as Para).text;
    if (date && org.length <= 40 && ORG_END.test(org) && !/[，。；：]/u.test(org)) return { issuer: org, date };
  }
  return null;
}

function labelled(paras: Para[], label: RegExp): string | null {
  for (const p of paras.slice(0, 60)) {
    const m = label.exec(p.text);
    if (m) return p.text.slice(m[0].length) || null;
  }
  return null;
}

export function periodOf(title: string | null): PlanPeriod | null {
  if (!title) return null;
  const years = yearsOf(title);
  return years && years.start <= years.end ? years : null;
}

const cleanTitle = (s: string) => s.replace(/[《》]/gu, '').replace(/[。；]$/u, '');

export function extractMeta(paras: Para[], outline: Outline): PlanMeta {
  const head = outline.preamble.length ? outline.preamble : paras.slice(0, 20);
  const notice = noticeName(paras);
  const titled = outline.parts.filter((p) => p.title !== null && !p.annex);
  const multiPart = titled.length >= 2;
  const ownTitle = titled[0]?.title ?? head.find(isPlanTitle)?.text ?? null;
  const title = multiPart ? (notice?.name ?? ownTitle) : (ownTitle ?? notice?.name ?? null);
  const signed = signature(paras);
  const fileHeader = head.find((p) => /^.{2,30}文件$/u.test(p.text) && ORG_END.test(p.text.slice(0, -2)));
  const issuer =
    signed?.issuer ??
    labelled(paras, /^(发文机关|发布机构|发文单位|印发机关)[:：]/u) ??
    fileHeader?.text.slice(0, -2) ??
    notice?.issuer ??
    null;
  const dated = labelled(paras, /^(成文日期|发文日期|印发日期)[:：]/u);
  const docNumber =
    head.find((p) => DOC_NUMBER.test(p.text))?.text ??
    labelled(paras, /^(发文字号|文号)[:：]/u) ??
    paras.slice(0, 20).find((p) => DOC_NUMBER.test(p.text))?.text ??
    null;
  return {
    title: title ? cleanTitle(title) : null,
    issuer,
    issueDate: signed?.date ?? (dated ? signatureDate(dated) : null),
    docNumber,
    period: periodOf(title),
    multiPart,
  };
}
