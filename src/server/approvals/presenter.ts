import type { ApprovalItem, ApprovalQueueItem, ApprovalTemplate, Factor } from '../../shared/approvals.js';
import { FACTOR_LABELS, PROJECT_TYPES, type ApprovalStatus, type FactorKind, type ProjectType } from '../../shared/service-catalog.js';
import type { ApprovalRow, AttachmentRow, FactorRow, QueueRow } from './queries.js';

type Blockable = ApprovalItem['blocksStage'];

/** Every field is named: a column added to the table never reaches a user by accident. */
export function presentApproval(row: ApprovalRow, attachments: AttachmentRow[]): ApprovalItem {
  return {
    id: row.id,
    projectId: row.project_id,
    seq: row.seq,
    name: row.name,
    nameEn: row.name_en ?? '',
    department: { code: row.department_code, name: row.department_name, nameEn: row.department_name_en },
    status: row.status as ApprovalStatus,
    submittedOn: row.submitted_on,
    approvedOn: row.approved_on,
    blocksStage: row.blocks_stage as Blockable,
    documentNo: row.document_no,
    note: row.note,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, sizeBytes: Number(a.size_bytes) })),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function presentQueueItem(row: QueueRow, attachments: AttachmentRow[]): ApprovalQueueItem {
  return {
    ...presentApproval(row, attachments),
    project: { id: row.project_id, name: row.project_name, regionCode: row.region_code, regionName: row.region_name, stage: row.project_stage },
  };
}

export function presentFactor(row: FactorRow): Factor {
  const label = FACTOR_LABELS[row.kind as FactorKind];
  return {
    id: row.id,
    kind: row.kind as FactorKind,
    requiredAmount: Number(row.required_amount),
    securedAmount: Number(row.secured_amount),
    unit: label.unit,
    unitEn: label.unitEn,
    neededBy: row.needed_by,
    securedOn: row.secured_on,
    blocksStage: row.blocks_stage as Blockable,
    department: row.department_code ? { code: row.department_code, name: row.department_name ?? '', nameEn: row.department_name_en ?? '' } : null,
    note: row.note,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

interface TemplateRow {
  project_type: string;
  seq: number;
  name: string;
  name_en: string;
  department_code: string;
  department_name: string;
  department_name_en: string;
  blocks_stage: string;
}

/** One template per project type, every type listed even when an admin has not filled it yet. */
export function presentTemplates(rows: TemplateRow[]): ApprovalTemplate[] {
  return PROJECT_TYPES.map((projectType: ProjectType) => ({
    projectType,
    items: rows
      .filter((r) => r.project_type === projectType)
      .map((r) => ({
        seq: r.seq,
        name: r.name,
        nameEn: r.name_en,
        department: { code: r.department_code, name: r.department_name, nameEn: r.department_name_en },
        blocksStage: r.blocks_stage as Blockable,
      })),
  }));
}
