/**
 * The reward of a report on its detail page (rewards part, issue 15): the computed proposal with its rule and figures,
 * approval, payment. The handling part mounts it; the rewards part fills it in.
 */
export function ReportRewardPanel(props: { reportId: number }) {
  void props;
  return null;
}
