// Kept free of zod so the web app can import it without bundling the schemas.
export const PROJECT_SORTS = ['investment', 'name', 'stage', 'updatedAt', 'createdAt', 'nextPlannedDate'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
