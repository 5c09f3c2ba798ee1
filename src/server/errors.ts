// Every error a user can see is one of these: a stable code and HTTP status for programs,
// a message in the user's language for people, and an internal message for the log only.
export type Lang = 'zh' | 'en';
export interface Message {
  zh: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: Message,
    readonly field?: string,
    internal?: string,
  ) {
    super(internal ?? userMessage.en);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(field: string | undefined, message: Message, code = 'validation_failed') {
    super(400, code, message, field);
  }
}

export class UnauthorizedError extends AppError {
  constructor() {
    super(401, 'unauthorized', { zh: '请先登录', en: 'Please sign in first' });
  }
}

export class InvalidCredentialsError extends AppError {
  constructor() {
    super(401, 'invalid_credentials', { zh: '用户名或密码错误', en: 'Wrong username or password' });
  }
}

export class TooManyAttemptsError extends AppError {
  constructor(minutes: number) {
    super(429, 'too_many_attempts', {
      zh: `登录失败次数过多,请 ${minutes} 分钟后再试`,
      en: `Too many failed sign-ins; try again in ${minutes} minutes`,
    });
  }
}

/** The password was right; the account also needs its authenticator code (asked for, or wrong). */
export class TotpRequiredError extends AppError {
  constructor(wrong: boolean) {
    super(
      401,
      wrong ? 'totp_invalid' : 'totp_required',
      wrong ? { zh: '动态验证码不正确或已使用,请输入验证器中的最新验证码', en: 'The authenticator code is wrong or already used; enter the current one' } : { zh: '请输入验证器中的 6 位动态验证码', en: 'Enter the 6-digit code from your authenticator app' },
      'totp',
    );
  }
}

export class TotpSetupError extends AppError {
  constructor(code: 'totp_not_started' | 'totp_code_wrong' | 'totp_required_for_role') {
    const messages = {
      totp_not_started: { zh: '请先生成二维码并用验证器扫描', en: 'Start the set-up and scan the QR code first' },
      totp_code_wrong: { zh: '验证码不正确,请核对手机时间后输入验证器中的最新验证码', en: 'The code is wrong; check the phone’s clock and enter the current code' },
      totp_required_for_role: { zh: '您的角色必须使用两步验证,不能关闭', en: 'Your role requires two-step verification; it cannot be turned off' },
    } as const;
    super(code === 'totp_required_for_role' ? 403 : 400, code, messages[code], code === 'totp_code_wrong' ? 'code' : undefined);
  }
}

export class WrongPasswordError extends AppError {
  constructor() {
    super(400, 'wrong_password', { zh: '当前密码不正确', en: 'The current password is wrong' }, 'currentPassword');
  }
}

/** A new password that breaks the policy; `rules` lets a form show each one. */
export class PasswordPolicyError extends AppError {
  constructor(
    readonly rules: string[],
    message: Message,
  ) {
    super(400, 'password_policy', message, 'newPassword');
  }
}

export class ForbiddenError extends AppError {
  constructor(message: Message = { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' }, field?: string, code = 'forbidden') {
    super(403, code, message, field);
  }
}

export class CsrfError extends AppError {
  constructor() {
    super(403, 'csrf_token_invalid', {
      zh: '页面已过期,请刷新后重试',
      en: 'This page has expired; reload it and try again',
    });
  }
}

export class NotFoundError extends AppError {
  constructor(what: Message = { zh: '记录', en: 'Record' }) {
    super(404, 'not_found', { zh: `${what.zh}不存在`, en: `${what.en} not found` });
  }
}

export class ConflictError extends AppError {
  constructor(message: Message, code = 'conflict', field?: string) {
    super(409, code, message, field);
  }
}

/** A write carried a `version` someone else's write has since moved past; `noun` names the record. */
export class VersionConflictError extends ConflictError {
  constructor(noun: Message) {
    super({ zh: `该${noun.zh}已被他人修改,请刷新后再操作`, en: `Someone else changed this ${noun.en}; reload it and try again` }, 'version_conflict', 'version');
  }
}

/** Too many requests from one caller; the error handler sends Retry-After with the seconds to wait. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number, message: Message) {
    super(429, 'rate_limited', message);
  }
}

/** A judge asked to see or mark a contestant of their own unit; the refusal is also in audit_log. */
export class ConflictOfInterestError extends AppError {
  constructor() {
    super(403, 'conflict_of_interest', { zh: '裁判不能查看或评判本单位选手', en: 'A judge may not see or mark a contestant of their own unit' });
  }
}

/** The module's marks are signed off; changing them needs an audited unlock with a reason. */
export class MarksLockedError extends AppError {
  constructor() {
    super(409, 'marks_locked', { zh: '该模块成绩已签字锁定,需说明理由解锁后才能修改', en: 'This module is signed off and locked; unlock it with a reason to change it' });
  }
}

/** Results are embargoed until the competition's release time. */
export class EmbargoedError extends AppError {
  constructor() {
    super(403, 'results_embargoed', { zh: '成绩尚未到公布时间', en: 'Results are embargoed until their release time' });
  }
}

/** 直播大赛: once settled, the final board is what was published; nothing that feeds it may change. */
export class ContestSettledError extends ConflictError {
  constructor() {
    super({ zh: '该赛事已结算,成绩已最终确定,不能再修改', en: 'This contest is settled; its results are final and can no longer change' }, 'contest_settled');
  }
}

/** 直播大赛: a step the contest's calendar or state does not allow yet (settling early, unfreezing before settlement …). */
export class ContestStateError extends ConflictError {
  constructor(message: Message, code: string, field?: string) {
    super(message, code, field);
  }
}
