/**
 * The singular of an English plural resource title, for "New order", "Delete order 79?":
 * the common suffix rules, and the title as it is when none applies (a definition states
 * `singular` where English is irregular or the title is not a plural).
 */
const IRREGULAR: Record<string, string> = {
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  data: 'data',
  media: 'media',
  news: 'news',
  series: 'series',
  status: 'status',
};

function singularWord(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular) return matchCase(irregular, word);
  if (/[^aeiou]ies$/i.test(word)) return `${word.slice(0, -3)}${matchCase('y', word.slice(-3))}`; // categories → category
  if (/(ss|sh|ch|x|z)es$/i.test(word)) return word.slice(0, -2); // addresses, batches, boxes
  if (/(ss|us|is)$/i.test(word)) return word; // address, status, analysis: already singular
  if (/s$/i.test(word) && word.length > 1) return word.slice(0, -1);
  return word;
}

function matchCase(replacement: string, like: string): string {
  return like === like.toUpperCase() && like.length > 1
    ? replacement.toUpperCase()
    : like[0] === like[0]?.toUpperCase()
      ? replacement[0]!.toUpperCase() + replacement.slice(1)
      : replacement;
}

/** "Orders" → "Order", "Order items" → "Order item", "Categories" → "Category", "People" → "Person". */
export function guessSingular(title: string): string {
  const words = title.split(' ');
  words[words.length - 1] = singularWord(words[words.length - 1]!);
  return words.join(' ');
}
