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
