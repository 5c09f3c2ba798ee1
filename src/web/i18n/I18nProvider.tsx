import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { fieldLabel } from '../../shared/labels.js';
import { STAGE_LABELS, type AnyStage } from '../../shared/stages.js';
import { ROLE_LABELS, type Role } from '../../shared/roles.js';
import { setApiLanguage } from '../api/client.js';
import { DICTIONARIES, type Lang, type MessageKey } from './dict.js';

const STORAGE_KEY = 'lianzhu.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  stage: (stage: AnyStage) => string;
  role: (role: Role) => string;
  field: (path: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, onChange }: { children: ReactNode; onChange?: (lang: Lang) => void }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLanguage(l);
    return l;
  });

  const setLang = useCallback(
    (next: Lang) => {
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // private mode: the choice just lasts for this page
      }
      setApiLanguage(next);
      document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      setLangState(next);
      onChange?.(next);
    },
    [onChange],
  );

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    return {
      lang,
      setLang,
      t: (key, vars) => {
        let s = dict[key];
        if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
        return s;
      },
      stage: (s) => STAGE_LABELS[s][lang],
      role: (r) => ROLE_LABELS[r][lang],
      field: (path) => fieldLabel(path, lang),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
