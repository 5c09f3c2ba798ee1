import type { Insertable, Kysely } from 'kysely';
import type { DB, ServiceRequestTable } from '../../src/server/db/schema.js';
import { copyProjectToRequests, refreshProjectDepartments } from '../../src/server/projects/departments.js';
import { buildServiceRequestRow } from './factories.js';

export interface AssignmentRow {
  department_code: string;
  status?: string;
  /** Defaults to the request's own due_on / red_on. */
  due_on?: string;
  red_on?: string;
}

// A request's status as each of its departments' assignments would stand.
function assignmentStatus(requestStatus: string): string {
  if (requestStatus === 'resolved' || requestStatus === 'confirmed') return 'resolved';
  return requestStatus === 'reopened' ? 'in_progress' : requestStatus;
}

/** Inserts a request and its department assignments as rows; returns the request and assignment ids. */
export async function insertServiceRequest(
  db: Kysely<DB>,
  overrides: Partial<Insertable<ServiceRequestTable>> & { enterprise_id: number },
  assignments: AssignmentRow[] = [{ department_code: 'fgw' }],
): Promise<{ id: number; assignmentIds: number[] }> {
  const row = buildServiceRequestRow(overrides);
  const { id } = await db.insertInto('service_requests').values(row).returning('id').executeTakeFirstOrThrow();
  const assignmentIds: number[] = [];
  for (const a of assignments) {
    const inserted = await db
      .insertInto('service_request_assignments')
      .values({
        request_id: id,
        department_code: a.department_code,
        status: a.status ?? assignmentStatus(row.status),
        due_on: a.due_on ?? row.due_on ?? row.created_at.slice(0, 10),
        red_on: a.red_on ?? row.red_on ?? row.created_at.slice(0, 10),
        created_at: row.created_at,
        updated_at: row.updated_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assignmentIds.push(inserted.id);
  }
  // Rows written past the commands keep the department scope the commands would have kept.
  if (row.project_id) {
    await refreshProjectDepartments(db, row.project_id);
    await copyProjectToRequests(db, row.project_id);
  }
  return { id, assignmentIds };
}
