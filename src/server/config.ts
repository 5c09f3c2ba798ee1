import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demo: boolean;
  demoPassword: string;
  adminPassword: string | null;
  sessionTtlHours: number;
  /** Minutes without a request after which a session ends, whatever its absolute expiry. */
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  secureCookies: boolean;
  webDir: string;
  logLevel: string;
  /** Which hops may set X-Forwarded-For: Fastify's trustProxy (true, false, or addresses/CIDRs). */
  trustProxy: boolean | string;
  /** The largest attachment accepted, in MB. */
  attachmentMaxMb: number;
  /** Seconds between sweeps of service deadlines (reminders, 督办); 0 turns the scheduler off. */
  sweepIntervalSeconds: number;
  /** Shortest password a user may choose, and how many earlier passwords may not be chosen again. */
  passwordMinLength: number;
  passwordHistory: number;
  /** Roles that must sign in with a TOTP code; until they set one up they can do nothing else. */
  totpRequiredRoles: string[];
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Like int(), but 0 is a value of its own ("off"), not a fallback. */
function nonNegativeInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 0 ? n : fallback;
}

// Only a proxy the operator names may say who the client is; otherwise any visitor could claim a new
// address with each request and walk past the per-address limits. Loopback covers a proxy on the
// same host (and the tests, which speak through it).
function trustProxy(value: string | undefined): boolean | string {
  if (!value) return 'loopback';
  return ['true', 'false'].includes(value.toLowerCase()) ? value.toLowerCase() === 'true' : value;
}

// Demo mode is for looking around, so it asks nobody for a second factor unless told to.
function roles(value: string | undefined, demo: boolean): string[] {
  if (value === undefined) return demo ? [] : ['admin'];
  return value.split(',').map((r) => r.trim()).filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    demo: bool(env.DEMO, true),
    demoPassword: env.DEMO_PASSWORD || 'lianzhu2023',
    adminPassword: env.ADMIN_PASSWORD || null,
    sessionTtlHours: int(env.SESSION_TTL_HOURS, 12),
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 30),
    loginMaxFailures: int(env.LOGIN_MAX_FAILURES, 5),
    loginLockMinutes: int(env.LOGIN_LOCK_MINUTES, 15),
    secureCookies: bool(env.COOKIE_SECURE, false),
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustProxy(env.TRUST_PROXY),
    attachmentMaxMb: int(env.ATTACHMENT_MAX_MB, 10),
    sweepIntervalSeconds: nonNegativeInt(env.SWEEP_INTERVAL_SECONDS, 60),
    passwordMinLength: int(env.PASSWORD_MIN_LENGTH, 10),
    passwordHistory: nonNegativeInt(env.PASSWORD_HISTORY, 5),
    totpRequiredRoles: roles(env.TOTP_REQUIRED_ROLES, bool(env.DEMO, true)),
  };
}
