import { z } from 'zod';

/** The rules 等保 assessors ask for; the length and the history depth are configurable on the server. */
export const PASSWORD_RULES = ['length', 'classes', 'common', 'username', 'reused'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

export const PASSWORD_RULE_LABELS: Record<PasswordRule, { zh: (n: number) => string; en: (n: number) => string }> = {
  length: { zh: (n) => `至少 ${n} 个字符`, en: (n) => `at least ${n} characters` },
  classes: { zh: () => '包含大写字母、小写字母、数字、符号中的至少三类', en: () => 'three of: upper-case, lower-case, digits, symbols' },
  common: { zh: () => '不能是常见密码或其简单变形', en: () => 'not a common password or a simple variant of one' },
  username: { zh: () => '不能包含用户名', en: () => 'must not contain the username' },
  reused: { zh: (n) => `不能与最近 ${n} 次使用过的密码相同`, en: (n) => `must differ from the last ${n} passwords` },
};

// The most used passwords in Chinese and international leaks, lower-cased; a password whose letters and
// digits, stripped of one trailing run of digits or symbols, are one of these is refused.
const COMMON = new Set(
  `123456 12345678 123456789 1234567890 111111 000000 888888 666666 123123 abc123 abcd1234 a123456 a12345678
  password passw0rd password1 qwerty qwerty123 qwertyuiop 1qaz2wsx 1q2w3e4r 1q2w3e4r5t zaq12wsx asdfgh asdfghjkl
  iloveyou woaini woaini1314 woaini520 5201314 1314520 admin admin123 administrator root toor welcome letmein
  monkey dragon master sunshine princess football baseball superman trustno1 qazwsx 147258369 159357 987654321
  zxcvbnm zxcvbn aa123456 aa12345678 qq123456 wang123456 zhang123 li123456 changeme changeit p@ssw0rd
  lianzhu lianzhu2023 changji xinjiang`.split(/\s+/).filter(Boolean),
);

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  const stem = p.replace(/[\d!@#$%^&*.?_-]+$/, '');
  return COMMON.has(p) || (stem.length >= 4 && COMMON.has(stem)) || COMMON.has(p.replace(/[^a-z0-9]/g, ''));
}

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** The rules a new password breaks (reuse is checked on the server, against stored hashes). */
export function passwordProblems(password: string, options: { username: string; minLength: number }): PasswordRule[] {
  const problems: PasswordRule[] = [];
  if ([...password].length < options.minLength) problems.push('length');
  if (characterClasses(password) < 3) problems.push('classes');
  if (isCommonPassword(password)) problems.push('common');
  if (options.username.length >= 3 && password.toLowerCase().includes(options.username.toLowerCase())) problems.push('username');
  return problems;
}

export const changePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256).refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { params: { key: 'control_chars' } }),
  })
  .strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const passwordPolicySchema = z.object({ minLength: z.number().int(), history: z.number().int(), rules: z.array(z.enum(PASSWORD_RULES)) });
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;
