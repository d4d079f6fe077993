import { chinaToday } from '../../lib/clock.ts';

/** Dates of the check side are China dates (UTC+8): the township's day. */
export const chinaDateOf = (at: Date): string => chinaToday(at);

/** The instant a China day starts (`plusDays` later for an exclusive end). */
export function chinaDayStart(date: string, plusDays = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000);
}
