/**
 * The one folding of names and words for search on both engines (issue 19): upper case to lower case and
 * the diacritics of Latin letters away (Å Ä Ö to a a o, É to e), character by character. PostgreSQL runs it
 * as translate() with these two strings (luukku_fold in the schema), SQLite as this function, so that "aki
 * lah" finds "Äki Lähde" alike on both, whatever the database's locale is. The renderer folds its own
 * filters (a person's name on the staff page) the same way.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'],
  ['ÀÁÂÃÄÅàáâãäå', 'aaaaaaaaaaaa'],
  ['ÇçČčĆć', 'cccccc'],
  ['ÈÉÊËèéêë', 'eeeeeeee'],
  ['ÌÍÎÏìíîï', 'iiiiiiii'],
  ['Ññ', 'nn'],
  ['ÒÓÔÕÖØòóôõöø', 'oooooooooooo'],
  ['ÙÚÛÜùúûü', 'uuuuuuuu'],
  ['ÝýÿŸ', 'yyyy'],
  ['ŠšŽž', 'sszz'],
];

export const FOLD_FROM = PAIRS.map(([from]) => from).join('');
export const FOLD_TO = PAIRS.map(([, to]) => to).join('');

const table = new Map([...FOLD_FROM].map((ch, i) => [ch, FOLD_TO[i]!]));

export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += table.get(ch) ?? ch;
  return out;
}

/** The words of a search as the name index holds them: folded, split at anything not a letter or digit. */
export function searchTokens(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
