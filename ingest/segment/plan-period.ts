/**
 * @module The years a plan says it covers, read from its title: a plan is in force for the years
 * its title names, which is how researchers place it in time (a 2023 list of 2023—2025 tasks
 * counts for 2024 too). Nothing is inferred from the body or the issue date here.
 */

export interface PlanPeriod {
  from: number;
  to: number;
}

/** "（2023—2025年）", "2021-2022年", "2019至2020年": a range of years, dash of any width or 至/到. */
const YEAR_RANGE = /((?:19|20)\d{2})\s*年?\s*[—–\-－~～至到]+\s*((?:19|20)\d{2})\s*年/u;
/**
 * GB/T 15834 joins the years of a period with the 连接号 "—" ("2016—2018年"); a web copy may drop it, leaving
 * "20162018年" or "2016 2018年". Read as a period only when the eight digits are two years in order, no more
 * than fifteen apart (a 中长期规划 spans fifteen, "2016—2030年"), with no digit before them.
 */
const DASHLESS_YEAR_RANGE = /(?<!\d)((?:19|20)\d{2})\s?((?:19|20)\d{2})\s*年/u;
const MAX_PLAN_SPAN = 15;
/** "2024年深化医改重点工作任务", "2017年度": the one year a yearly work plan names. */
const ONE_YEAR = /((?:19|20)\d{2})\s*年(?!\d{1,2}月)/gu;
/**
 * "“十四五”…规划": the n-th five-year plan (from the third, which began in 1966 after the 1963—1965
 * adjustment years) covers 1966 + 5(n−3) and the four years after (十三五 2016—2020, 十四五 2021—2025).
 */
const FIVE_YEAR_PLAN = /十([一二三四五六七八九])五/u;
const DIGIT = '一二三四五六七八九';

export function planPeriodOf(title: string): PlanPeriod | null {
  const range = YEAR_RANGE.exec(title);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return from <= to ? { from, to } : null;
  }
  const dashless = DASHLESS_YEAR_RANGE.exec(title);
  if (dashless) {
    const [from, to] = [Number(dashless[1]), Number(dashless[2])];
    if (from < to && to - from <= MAX_PLAN_SPAN) return { from, to };
  }
  const fiveYear = FIVE_YEAR_PLAN.exec(title);
  if (fiveYear) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- group 1 is not optional
    const n = 10 + DIGIT.indexOf(fiveYear[1]!) + 1;
    const from = 1966 + 5 * (n - 3);
    return { from, to: from + 4 };
  }
  // A title naming two different years without a range ("2018年和2019年") states no one period.
  const years = new Set([...title.matchAll(ONE_YEAR)].map((match) => Number(match[1])));
  const [year] = years;
  if (years.size !== 1 || year === undefined) return null;
  return { from: year, to: year };
}

/**
 * Years a document is in force for the time filters: the years its title says it covers, else the
 * year it was issued in; null when it states neither.
 */
export function yearsInForce(policy: { coversFrom: number | null; coversTo: number | null; issuedOn: string | null }): PlanPeriod | null {
  if (policy.coversFrom !== null && policy.coversTo !== null) return { from: policy.coversFrom, to: policy.coversTo };
  if (!policy.issuedOn) return null;
  const year = Number(policy.issuedOn.slice(0, 4));
  return { from: year, to: year };
}
