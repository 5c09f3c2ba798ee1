// Search compares normalised text computed here rather than SQL lower(): SQLite folds only ASCII,
// and NFKC turns full-width letters typed with a Chinese IME (Ａｌｐｈａ) into plain ones.
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function projectSearchText(name: string, investorName: string): string {
  return searchKey(`${name}\n${investorName}`);
}
