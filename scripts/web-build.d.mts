export function buildWebIfStale(force?: boolean): void;
