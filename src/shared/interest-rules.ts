// The public interest form's limits, zod-free so the public page's bundle can check the same rules
// the server does without loading zod.

// Mainland mobile (optionally +86) or a landline with its area code (0994-1234567, extension allowed).
export const PHONE_PATTERN = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
// zod 4's z.email() pattern, spelled out so that '' can mean "not given" and the web needs no zod.
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export const INTEREST_LIMITS = {
  companyName: 100,
  contactName: 50,
  phone: 30,
  email: 200,
  message: 1000,
  /** 1000亿元, in 万元. */
  investmentWan: 10_000_000,
} as const;

/** Accepted submissions per client address: per hour and per day. */
export const INTEREST_RATE = { perHour: 5, perDay: 20 } as const;
/** The whole request body of a submission, in bytes. */
export const INTEREST_BODY_LIMIT = 8 * 1024;
