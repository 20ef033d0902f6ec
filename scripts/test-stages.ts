/**
 * The stages of `npm test` (scripts/test.ts), in the order they are started when they can be.
 * A stage that reads the build, or that writes what the build writes (`.astro/`: `astro check`
 * and the Vitest projects, which load the Astro config), needs `build`. New test files join a
 * stage by their folder (vitest.config.ts, playwright.config.ts); a new kind of check is a new
 * entry here, and a new row in the README's table.
 */
import { delimiter, dirname, join } from 'node:path';

/** One stage: a command run from the project folder. */
export interface Stage {
	name: string;
	command: string[];
	/** Stages that must pass first. */
	needs?: string[];
	env?: Record<string, string>;
	/** What the log says it did ("482 passed"), for the table. */
	summary?: (log: string) => string;
}

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const node = (script: string) => [process.execPath, join(root, script)];
// The tools' `#!/usr/bin/env node` finds the project's Node first, as under `npm run`.
const path = [dirname(process.execPath), process.env['PATH']].join(delimiter);

/** Vitest's "Tests  480 passed (480)" line. */
function vitestSummary(log: string): string {
	return /^\s*Tests\s+(.+?)\s*\(\d+\)\s*$/m.exec(log)?.[1] ?? '';
}

/** Playwright's closing counts ("120 passed", "2 failed", "1 flaky"). */
function playwrightSummary(log: string): string {
	const counts = [...log.matchAll(/^\s+(\d+) (passed|failed|flaky|skipped|did not run)\b/gm)];
	return counts.map((m) => `${m[1]} ${m[2]}`).join(', ');
}

const vitest = (project: string): Stage => ({
	name: project,
	command: [bin('vitest'), 'run', '--project', project],
	needs: ['build'],
	env: { PATH: path },
	summary: vitestSummary,
});

/** All stages, most urgent first: the build, then the longest stage that needs it. */
export const stages: Stage[] = [
	{ name: 'build', command: [bin('astro'), 'build'], env: { PATH: path } },
	{ name: 'lint', command: [bin('eslint'), '.', '--max-warnings', '0'], env: { PATH: path } },
	{ name: 'format', command: [bin('prettier'), '--check', '.'], env: { PATH: path } },
	{ name: 'content', command: node('scripts/content-check.ts') },
	{
		name: 'e2e',
		command: [bin('playwright'), 'test'],
		needs: ['build'],
		env: { PATH: path },
		summary: playwrightSummary,
	},
	vitest('integration'),
	vitest('unit'),
	{ name: 'check', command: [bin('astro'), 'check'], needs: ['build'], env: { PATH: path } },
	vitest('reliability'),
	vitest('dist'),
];
