import { fieldLabel } from '../../shared/labels.js';
import type { Lang, Message } from '../errors.js';

interface Issue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const TYPE_WORDS: Record<string, Message> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'true or false' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
};

/** Turns one zod issue into the field it names and a sentence in the user's language. */
export function describeIssue(issue: Issue, lang: Lang, labels?: Record<string, Message>): { field: string | undefined; message: string } {
  const p = issue.params;
  let path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (issue.keyword === 'unrecognized_keys') {
    const keys = (p.keys as string[]) ?? [];
    const field = [path, keys[0]].filter(Boolean).join('.');
    return {
      field,
      message: lang === 'zh' ? `不支持的字段:${keys.join('、')}` : `Unknown field: ${keys.join(', ')}`,
    };
  }
  const label = path ? fieldLabel(path, lang, labels) : lang === 'zh' ? '请求内容' : 'Request body';
  const zh = (s: string) => (lang === 'zh' ? s : null);
  const msg = (() => {
    switch (issue.keyword) {
      case 'invalid_type': {
        if (p.input === undefined) return zh(`请填写${label}`) ?? `${label} is required`;
        const t = TYPE_WORDS[String(p.expected)]?.[lang] ?? String(p.expected);
        return zh(`${label}格式不正确,应为${t}`) ?? `${label} must be ${t}`;
      }
      case 'too_small':
        if (p.origin === 'string') {
          return Number(p.minimum) <= 1
            ? (zh(`请填写${label}`) ?? `${label} is required`)
            : (zh(`${label}至少需要 ${p.minimum} 个字符`) ?? `${label} needs at least ${p.minimum} characters`);
        }
        return zh(`${label}不能小于 ${p.minimum}`) ?? `${label} must be at least ${p.minimum}`;
      case 'too_big':
        if (p.origin === 'string') {
          return zh(`${label}不能超过 ${p.maximum} 个字符`) ?? `${label} must be at most ${p.maximum} characters`;
        }
        return zh(`${label}不能大于 ${p.maximum}`) ?? `${label} must be at most ${p.maximum}`;
      case 'invalid_format':
        if (p.format === 'regex' && String(p.pattern) === String(/^\d{6}$/)) return zh(`${label}应为 6 位数字`) ?? `${label} must be 6 digits`;
        if (p.format === 'date') return zh(`${label}应为有效日期(年-月-日,如 2023-05-17)`) ?? `${label} must be a valid date (YYYY-MM-DD)`;
        return zh(`${label}格式不正确`) ?? `${label} has the wrong format`;
      case 'invalid_value': {
        const values = ((p.values as unknown[]) ?? []).join(lang === 'zh' ? '、' : ', ');
        return zh(`${label}的取值无效,可选:${values}`) ?? `${label} must be one of: ${values}`;
      }
      case 'custom': {
        // fastify-type-provider-zod nests a refinement's own params one level down (issue.params.params).
        const key = p.key ?? (p.params as { key?: unknown } | undefined)?.key;
        if (key === 'uscc') {
          return zh(`${label}无效:应为18位,且校验位须符合 GB 32100-2015`) ??
            `${label} is invalid: it must have 18 characters and a correct GB 32100-2015 check digit`;
        }
        if (key === 'phone') return zh(`${label}格式不正确:应为手机号或带区号的固定电话`) ?? `${label} must be a mainland mobile or a landline with its area code`;
        if (key === 'email') return zh(`${label}格式不正确,如 name@example.com`) ?? `${label} must be an address like name@example.com`;
        if (key === 'username') return zh(`${label}应为 3–32 位小写字母、数字或 . _ -,以字母或数字开头`) ?? `${label} must be 3–32 lower-case letters, digits or . _ -, starting with a letter or digit`;
        if (key === 'decimals') return zh(`${label}最多保留 4 位小数`) ?? `${label} may have at most 4 decimals`;
        if (key === 'control_chars') {
          return zh(`${label}含有不可见的控制字符,请删除后重试`) ?? `${label} contains invisible control characters; remove them and try again`;
        }
        return zh(`${label}无效`) ?? `${label} is invalid`;
      }
      default:
        return zh(`${label}无效`) ?? `${label} is invalid`;
    }
  })();
  if (!path) path = '';
  return { field: path || undefined, message: msg };
}
