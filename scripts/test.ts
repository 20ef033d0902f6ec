/**
 * `npm test`: every check of the project, as stages (scripts/test-stages.ts) run side by side
 * where they do not depend on each other, then a table of each stage's time.
 *
 * Each stage's output goes to `test-results/logs/<stage>.log`; a failed stage's log is printed.
 * A stage whose prerequisite failed is skipped. Exits 1 when any stage failed.
 *
 * TEST_JOBS (default 3) is how many stages run at once; `npm test -- unit lint` runs only those
 * stages (and not what they need: run `npm run build` first for the ones reading the build).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { formatStageTable, type StageResult } from './lib/stage-table.ts';
import { stages, type Stage } from './test-stages.ts';

const root = join(import.meta.dirname, '..');
const logDir = join(root, 'test-results/logs');
const jobs = Math.max(1, Number(process.env['TEST_JOBS'] ?? 3) || 3);

const only = process.argv.slice(2);
const unknown = only.filter((name) => !stages.some((stage) => stage.name === name));
if (unknown.length > 0) {
	console.error(
		`Unknown stage ${unknown.join(', ')}; stages: ${stages.map((s) => s.name).join(', ')}`,
	);
	process.exit(2);
}
const chosen = only.length > 0 ? stages.filter((stage) => only.includes(stage.name)) : stages;

mkdirSync(logDir, { recursive: true });
const started = performance.now();
const loadAtStart = loadavg()[0]!;
const seconds = (from: number) => (performance.now() - from) / 1000;

/** Runs one stage with its output in its log file; resolves to its result. */
function run(stage: Stage): Promise<StageResult> {
	const log = join(logDir, `${stage.name}.log`);
	mkdirSync(logDir, { recursive: true });
	// The child writes to the file itself: nothing is lost when it exits with output still in a
	// pipe, and a log of megabytes costs this process nothing.
	const fd = openSync(log, 'w');
	const begin = performance.now();
	console.log(`▶ ${stage.name}: ${stage.command.join(' ')}`);
	return new Promise((resolve) => {
		const child = spawn(stage.command[0]!, stage.command.slice(1), {
			cwd: root,
			env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...stage.env },
			stdio: ['ignore', fd, fd],
		});
		let finished = false;
		const done = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
			if (finished) return; // 'error' (it could not start) and 'exit' may both come
			finished = true;
			closeSync(fd);
			const text = readFileSync(log, 'utf8') + (error ? `\n${error.message}\n` : '');
			const result: StageResult = {
				name: stage.name,
				status: code === 0 ? 'passed' : 'failed',
				startedAt: (begin - started) / 1000,
				seconds: seconds(begin),
				summary: stage.summary?.(text) ?? '',
			};
			const mark = result.status === 'passed' ? '✓' : '✗';
			console.log(
				`${mark} ${stage.name} in ${result.seconds.toFixed(1)} s${result.summary ? ` (${result.summary})` : ''}`,
			);
			if (result.status === 'failed') {
				console.log(`--- ${stage.name} failed (${signal ?? `exit ${code}`}); its log (${log}):`);
				console.log(text);
				console.log(`--- end of ${stage.name}`);
			}
			resolve(result);
		};
		child.on('error', (error) => done(null, null, error));
		child.on('exit', (code, signal) => done(code, signal));
	});
}

const results = new Map<string, StageResult>();
const running = new Map<string, Promise<void>>();
const waiting = [...chosen];

// Start, in list order, every stage whose prerequisites have passed, while a slot is free.
while (waiting.length > 0 || running.size > 0) {
	for (const stage of [...waiting]) {
		if (running.size >= jobs) break;
		const needs = (stage.needs ?? []).filter((name) => chosen.some((s) => s.name === name));
		if (
			needs.some(
				(name) => results.get(name)?.status !== undefined && results.get(name)?.status !== 'passed',
			)
		) {
			waiting.splice(waiting.indexOf(stage), 1);
			results.set(stage.name, {
				name: stage.name,
				status: 'skipped',
				startedAt: seconds(started),
				seconds: 0,
				summary: `needs ${needs.join(', ')}`,
			});
			console.log(`- ${stage.name} skipped: ${needs.join(', ')} did not pass`);
			continue;
		}
		if (!needs.every((name) => results.get(name)?.status === 'passed')) continue;
		waiting.splice(waiting.indexOf(stage), 1);
		running.set(
			stage.name,
			run(stage).then((result) => {
				results.set(stage.name, result);
				running.delete(stage.name);
			}),
		);
	}
	if (running.size > 0) await Promise.race(running.values());
}

const ordered = chosen.map((stage) => results.get(stage.name)!);
console.log(`\n${formatStageTable(ordered, seconds(started), [loadAtStart, loadavg()[0]!], jobs)}`);
const failed = ordered.filter((result) => result.status !== 'passed');
// The plain closing line CI reads ("N passed, N failed").
console.log(`stages: ${ordered.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length > 0 ? 1 : 0);
