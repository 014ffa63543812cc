/**
 * The hub's one logger. Plain lines on stderr so `npm start` output stays readable and
 * a log collector can still split on the level. Never pass config objects or connection
 * strings here: `redact` exists for the rare message that must mention a URL.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const wanted = (process.env.HUB_LOG_LEVEL ?? 'info') as Level;
  return order[wanted] ?? order.info;
}

function write(level: Level, scope: string, message: string): void {
  if (order[level] < threshold()) return;
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${scope}] ${message}\n`);
}

export function logger(scope: string) {
  return {
    debug: (m: string) => write('debug', scope, m),
    info: (m: string) => write('info', scope, m),
    warn: (m: string) => write('warn', scope, m),
    error: (m: string) => write('error', scope, m),
  };
}

/** Removes the password part of a postgres:// URL. */
export function redact(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]*@/gi, '$1***@');
}
