/** An extractive summary: the opening sentence of the first paragraphs, at most `maxLength` characters. */
export function summarize(body: string, maxLength = 280): { summary: string; words: number; readingMinutes: number } {
  const text = body.replace(/\r\n/g, '\n').trim();
  const words = text === '' ? 0 : text.split(/\s+/).length;
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const openings = paragraphs.map((p) => /^.*?[.!?](?=\s|$)/.exec(p)?.[0] ?? p);
  let summary = '';
  for (const sentence of openings) {
    const next = summary ? `${summary} ${sentence}` : sentence;
    if (next.length > maxLength) break;
    summary = next;
  }
  // A first sentence longer than the limit is cut at a word boundary.
  if (summary === '' && openings[0]) summary = `${openings[0].slice(0, maxLength - 1).replace(/\s+\S*$/, '')}…`;
  return { summary, words, readingMinutes: Math.max(1, Math.round(words / 200)) };
}
