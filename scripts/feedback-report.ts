/**
 * `npm run feedback:report`: the feedback per article, the articles that need attention first.
 * Flags: --since, --lang, --article, --format table|csv|json, --db (see `--help` and README).
 */
import { runReport } from '../src/lib/report/cli.ts';

process.exitCode = await runReport(process.argv.slice(2), {
	env: process.env,
	cwd: process.cwd(),
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
});
