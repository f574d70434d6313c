/**
 * Metric directions as small strategies: how much better a candidate is, in the metric's own
 * sense (positive = better), so the decision rule is the same for every metric.
 */
export interface Direction {
  /** Shown in the report's goal column. */
  goal: string;
  improvement(champion: number, candidate: number): number;
}

export const DIRECTIONS = {
  higher: { goal: "higher", improvement: (champion, candidate) => candidate - champion },
  lower: { goal: "lower", improvement: (champion, candidate) => champion - candidate },
} satisfies Record<string, Direction>;

export type DirectionName = keyof typeof DIRECTIONS;
