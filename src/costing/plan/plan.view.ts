/** The simplification plan (phương án cắt giảm, đơn giản hóa) of one regulation. */
export interface PlanView {
  regulationId: string;
  action: string;
  description: string;
  targetDocument: string | null;
  /** The programme's code (NQ68, NQ66 …); its savings count toward it. */
  programme: string;
  programmeId: string;
  /** The programme's minimum consultation period, which the consultation deadlines must respect. */
  minConsultationDays: number;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** A row of PlanRepository. */
export function toPlanView(r: Record<string, any>): PlanView {
  return {
    regulationId: r.regulation_id,
    action: r.action,
    description: r.description,
    targetDocument: r.target_document ?? null,
    programme: r.programme_code,
    programmeId: r.programme_id,
    minConsultationDays: Number(r.min_consultation_days),
    version: Number(r.version),
    updatedBy: r.updated_by ?? null,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
