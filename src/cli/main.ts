/** `rasd <command> …` in-process: parses the arguments, runs the command, returns the exit code. */
import { ANALYZE_USAGE, parseCommand, shortUsage, USAGE } from './args.js';
import { analyze } from './analyze.js';
import { runStoreCommand } from './store-commands.js';
import type { CliIO } from './io.js';
import { clean } from './terminal.js';
import { packageVersion } from './version.js';

export type { CliIO, Writer } from './io.js';

/** Exit codes: 0 success, 1 the work failed, 2 usage error. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const cmd = parseCommand(argv);
  switch (cmd.kind) {
    case 'help':
      io.stdout.write(cmd.topic === 'analyze' ? ANALYZE_USAGE : USAGE);
      return 0;
    case 'version':
      io.stdout.write(`rasd ${packageVersion()}\n`);
      return 0;
    case 'not-implemented':
      io.stderr.write(`rasd: '${clean(cmd.command)}' is not implemented yet\n${shortUsage('rasd')}`);
      return 2;
    case 'usage-error':
      io.stderr.write(`rasd${cmd.topic === 'analyze' ? ' analyze' : ''}: ${clean(cmd.message)}\n${shortUsage(cmd.topic)}`);
      return 2;
    case 'analyze':
      return analyze(cmd, io);
    case 'store':
      return runStoreCommand(cmd.command, cmd.args, io);
  }
}
