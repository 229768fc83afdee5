import { loadDotEnv } from './dotenv.ts';
import { runCli } from './main.ts';

// A reader that stops early (`lisbot kb stats | head -2`) closes the pipe: that ends the output, not in an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  loadDotEnv(process.env);
} catch (error) {
  process.stderr.write(`lisbot: ${(error as Error).message}\n`);
  process.exit(1);
}
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
