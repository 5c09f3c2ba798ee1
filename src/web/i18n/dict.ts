// Every string the web app shows, in both languages. Field names come from shared/labels.ts
// so the forms use the same words as the server's error messages. A feature with many strings keeps
// them in its own messages.ts (made with define.ts's defineMessages) and is listed here.
export type Lang = 'zh' | 'en';

import { en } from './en.js';
import { zh } from './zh.js';
import { eventMessages } from '../features/events/messages.js';
import { leadMessages } from '../features/leads/messages.js';
import { opportunityMessages } from '../features/opportunities/messages.js';
import { serviceMessages } from '../features/services/messages.js';
import { approvalMessages } from '../features/approvals/messages.js';
import { notificationMessages } from '../features/notifications/messages.js';
import { settingsMessages } from '../features/settings/messages.js';
import { dashboardServiceMessages } from '../features/dashboard/messages.js';
import { policyMessages } from '../features/policies/messages.js';
import { commandMessages } from '../features/command/messages.js';
import { bigscreenMessages } from '../features/bigscreen/messages.js';
import { reportMessages } from '../features/reports/messages.js';
import { authMessages } from '../features/auth/messages.js';
import { userMessages } from '../features/users/messages.js';
import { skillsMessages } from '../features/skills/messages.js';
import { livestreamMessages } from '../features/livestream/messages.js';

export type CoreMessageKey = keyof typeof zh;

export const FEATURES = [leadMessages, eventMessages, opportunityMessages, serviceMessages, notificationMessages, settingsMessages, dashboardServiceMessages, approvalMessages, policyMessages, commandMessages, bigscreenMessages, reportMessages, authMessages, userMessages, skillsMessages, livestreamMessages] as const satisfies readonly { zh: Record<string, string>; en: Record<string, string> }[];

// Distributes over the features' union, so every feature's keys count.
type KeysOf<T> = T extends { zh: Record<infer K, string> } ? K : never;
type FeatureKey = KeysOf<(typeof FEATURES)[number]>;
export type MessageKey = CoreMessageKey | FeatureKey;

function merged(lang: Lang): Record<MessageKey, string> {
  return Object.assign({}, lang === 'zh' ? zh : en, ...FEATURES.map((f) => f[lang])) as Record<MessageKey, string>;
}

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh: merged('zh'), en: merged('en') };
