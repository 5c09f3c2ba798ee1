/**
 * Counts kept on write for the chain map's coverage and the command view (migration 0032): how many
 * enterprises sit on a node, per region ('' when the enterprise has none) and local (1) or outside (0).
 */
export interface ChainNodeCountTable {
  node_id: number;
  region_code: string;
  is_local: number;
  enterprises: number;
}
