import type { ReactNode } from 'react';

/**
 * A small Markdown subset rendered to React elements (never to HTML strings, so nothing the
 * operator types can inject markup): headings, paragraphs, lists, fenced code, block quotes,
 * **bold**, *italic*, `code` and [links](https://…) with http(s), mailto or relative targets.
 */
const SAFE_HREF = /^(https?:\/\/|mailto:|\/|#)/i;

function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/g;
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    if (at > last) out.push(text.slice(last, at));
    const token = match[0];
    const k = `${key}-${n++}`;
    if (match[1])
      out.push(
        <code key={k} className="rounded bg-muted px-1 font-mono text-xs">
          {token.slice(1, -1)}
        </code>,
      );
    else if (match[2]) out.push(<strong key={k}>{inline(token.slice(2, -2), k)}</strong>);
    else if (match[3]) out.push(<em key={k}>{inline(token.slice(1, -1), k)}</em>);
    else {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token)!;
      out.push(
        SAFE_HREF.test(href!) ? (
          <a key={k} href={href} className="text-primary underline" rel="noreferrer noopener" target="_blank">
            {inline(label!, k)}
          </a>
        ) : (
          label
        ),
      );
    }
    last = at + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function renderMarkdown(source: string): ReactNode[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const key = `b${blocks.length}`;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith('```')) code.push(lines[i++]!);
      i++;
      blocks.push(
        <pre key={key} className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">
          <code>{code.join('\n')}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      const content = inline(heading[2]!, key);
      const level = heading[1]!.length;
      blocks.push(
        level === 1 ? (
          <h1 key={key} className="text-xl font-semibold">
            {content}
          </h1>
        ) : level === 2 ? (
          <h2 key={key} className="text-lg font-semibold">
            {content}
          </h2>
        ) : (
          <h3 key={key} className="font-semibold">
            {content}
          </h3>
        ),
      );
      i++;
      continue;
    }
    const listItem = /^\s*([-*+]|\d+\.)\s+/;
    if (listItem.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: ReactNode[] = [];
      while (i < lines.length && listItem.test(lines[i]!)) {
        items.push(<li key={`${key}-${items.length}`}>{inline(lines[i]!.replace(listItem, ''), `${key}-${items.length}`)}</li>);
        i++;
      }
      blocks.push(
        ordered ? (
          <ol key={key} className="list-decimal pl-6">
            {items}
          </ol>
        ) : (
          <ul key={key} className="list-disc pl-6">
            {items}
          </ul>
        ),
      );
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('>')) quoted.push(lines[i++]!.replace(/^>\s?/, ''));
      blocks.push(
        <blockquote key={key} className="border-l-2 pl-3 text-muted-foreground">
          {inline(quoted.join(' '), key)}
        </blockquote>,
      );
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,3}\s|```|>)/.test(lines[i]!) && !listItem.test(lines[i]!)) paragraph.push(lines[i++]!);
    blocks.push(<p key={key}>{inline(paragraph.join(' '), key)}</p>);
  }
  return blocks;
}
