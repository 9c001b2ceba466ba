/** The command line: what was asked for, or why it cannot be understood. Usage texts. */
import { parseArgs } from 'node:util';
import { STORE_COMMANDS, STORE_USAGE, type StoreCommand } from './store-commands.js';

export type Command =
  | { kind: 'help'; topic: 'rasd' | 'analyze' }
  | { kind: 'version' }
  | { kind: 'analyze'; paths: string[]; json: string | null; html: string | null; quiet: boolean }
  | { kind: 'not-implemented'; command: string }
  | { kind: 'store'; command: StoreCommand; args: string[] }
  | { kind: 'usage-error'; message: string; topic: 'rasd' | 'analyze' };

/** Commands that later issues add; named so they get "not implemented yet" rather than "unknown command". */
export const PLANNED_COMMANDS: readonly string[] = [];

export const USAGE = `Usage: rasd <command> [options]

Arabic news monitoring: cut scraped Arabic news pages into articles.

Commands:
  analyze <files or folders…>  read .txt and .html pages (folders recursively), cut each into its
                               main article, related articles and teasers, and print a summary

${STORE_USAGE}
Options:
  -h, --help      show this help ("rasd analyze --help" for the options of analyze)
  --version       print the version of rasd
`;

export const ANALYZE_USAGE = `Usage: rasd analyze <files or folders…> [--json FILE] [--quiet]

Reads .txt and .html pages (folders recursively) one at a time and prints, for each, its language,
main headline and date, paragraph and caption counts, and its related articles and teasers.
Warnings ("warning: <source>: <rule>: <message>"), progress and a final total go to stderr.

Options:
  --json FILE     also write the export (format rasd-export, version 1) to FILE; it is
                  replaced only when the run succeeds
  --html FILE     also write a self-contained report (stories, articles, entities, search)
                  that opens in a browser with no server and no network
  -q, --quiet     print no page summaries (warnings and the total are still printed)
  -h, --help      show this help

Exit status: 0 done; 1 no page could be analysed (every input unreadable, unsupported or not
Arabic) or FILE could not be written; 2 usage error; 130 interrupted.
`;

/** The one-line reminder printed after a usage error. */
export function shortUsage(topic: 'rasd' | 'analyze'): string {
  return topic === 'analyze'
    ? `Usage: rasd analyze <files or folders…> [--json FILE] [--quiet]\nRun "rasd analyze --help" for more.\n`
    : `Usage: rasd analyze <files or folders…> [--json FILE] [--quiet]\nRun "rasd --help" for more.\n`;
}

function optionError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const m = /'(-[^' ]*)/.exec(e.message ?? '');
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && m) return `unknown option '${m[1]}'`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && m) return `option '${m[1]}' needs a value`;
  return e.message ?? String(err);
}

function parseAnalyze(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'string' },
        html: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return { kind: 'usage-error', message: optionError(err), topic: 'analyze' };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', topic: 'analyze' };
  if (values.json !== undefined && values.json === '') return { kind: 'usage-error', message: 'option --json needs a file name', topic: 'analyze' };
  if (positionals.length === 0) return { kind: 'usage-error', message: 'no files or folders given', topic: 'analyze' };
  if (values.html !== undefined && values.html === '') return { kind: 'usage-error', message: 'option --html needs a file name', topic: 'analyze' };
  return { kind: 'analyze', paths: positionals, json: values.json ?? null, html: values.html ?? null, quiet: values.quiet ?? false };
}

/** Parses the arguments after "rasd". */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'usage-error', message: 'no command given', topic: 'rasd' };
  if (first === '--help' || first === '-h') return { kind: 'help', topic: 'rasd' };
  if (first === '--version') return { kind: 'version' };
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { kind: 'help', topic: 'rasd' };
    if (topic === 'analyze') return { kind: 'help', topic: 'analyze' };
    return { kind: 'usage-error', message: `no help for '${topic}': unknown command`, topic: 'rasd' };
  }
  if (first === 'analyze') return parseAnalyze(rest);
  if ((STORE_COMMANDS as readonly string[]).includes(first)) return { kind: 'store', command: first as StoreCommand, args: rest };
  if ((PLANNED_COMMANDS as readonly string[]).includes(first)) return { kind: 'not-implemented', command: first };
  if (first.startsWith('-')) return { kind: 'usage-error', message: `unknown option '${first}'`, topic: 'rasd' };
  return { kind: 'usage-error', message: `unknown command '${first}'`, topic: 'rasd' };
}
