import type { CriteriaSet, CriteriaSetMeta, Criterion } from './criteria.contract.ts';
import { findCriterion } from './criteria.rules.ts';

/**
 * A citation the way a clerk writes it in an official letter: 《工贸企业重大事故隐患判定标准》第十一条第（八）项;
 * 《…》第三条 for a whole article; 《…》第（一）项 for a flat list; 《…》第6.1条 for a numbered clause of a national
 * standard; otherwise the heading and item as the document prints them. Never an internal code.
 */
export function clerkCitation(item: Pick<Criterion, 'article' | 'item'>, set: Pick<CriteriaSetMeta, 'title'>): string {
  const article = item.article?.trim() ?? '';
  const sub = item.item?.trim() ?? '';
  const paren = /^（[一二三四五六七八九十百]+）$/.test(sub);
  let where: string;
  if (/^\d+(\.\d+)*$/.test(sub)) where = `第${sub}条`;
  else if (/^第.+条$/.test(article)) where = `${article}${paren ? `第${sub}项` : sub}`;
  else if (!article && paren) where = `第${sub}项`;
  else where = `${article}${sub}`;
  return `《${set.title}》${where}`;
}

/** The clerk's citation of each cited code, from the library in force; a code the library lacks is said to be so. */
export function citeCriteria(codes: readonly string[], sets: readonly CriteriaSet[]): string[] {
  return codes.map((code) => {
    const ref = findCriterion(code, sets);
    return ref ? clerkCitation(ref.item, ref.set) : `判定标准条款（${code}，标准库未收录）`;
  });
}
