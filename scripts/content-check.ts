/**
 * `npm run content:check` (also part of `npm test`): fails on an article without its translation,
 * a translation more than 90 days older than its counterpart, a link or anchor that does not
 * resolve, or an image without alt text; warns on articles not updated in 12 months.
 * Checks `content/` in the project folder (or the folder given as the only argument).
 */
import { join, resolve } from 'node:path';
import { runContentCheck } from '../src/lib/content-health/cli.ts';

const [root = join(import.meta.dirname, '..'), ...extra] = process.argv.slice(2);
if (extra.length > 0 || root.startsWith('-')) {
	console.error('Usage: npm run content:check [-- <project folder>]');
	process.exit(2);
}
try {
	process.exitCode = runContentCheck(resolve(root), new Date(), (line) => console.log(line));
} catch (error) {
	console.error(`content:check: ${(error as Error).message}`);
	process.exitCode = 1;
}
