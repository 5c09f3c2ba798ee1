/** A feature's strings: the English keys must be exactly the Chinese ones. Listed in dict.ts. */
export function defineMessages<K extends string>(zhMessages: Record<K, string>, enMessages: Record<K, string>) {
  return { zh: zhMessages, en: enMessages };
}
