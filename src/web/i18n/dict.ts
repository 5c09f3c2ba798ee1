// Every string the web app shows, in both languages. Field names come from shared/labels.ts
// so the forms use the same words as the server's error messages.
export type Lang = 'zh' | 'en';

import { en } from './en.js';
import { zh } from './zh.js';

export type MessageKey = keyof typeof zh;

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };
