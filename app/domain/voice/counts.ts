// The shape of the grievance counts the dashboard and the worker-voice page show. Executives' counts
// arrive masked: a count under 5 is the words "fewer than 5" (see maskedCount).
export type Count = number | "fewer than 5";

export interface GrievanceCounts {
  masked: boolean;
  byCategory: Array<{ category: string; label: string; count: Count }>;
  openBySite: Array<{ supplierId: number; supplierName: string; count: Count }>;
  medianDaysToAcknowledge: number | null;
  acknowledged: Count;
  remedies: Array<{ kind: string; label: string; count: Count; workers: Count }>;
}
