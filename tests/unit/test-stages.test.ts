import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatStageTable } from '../../scripts/lib/stage-table.ts';
import { stages } from '../../scripts/test-stages.ts';

const testsDir = join(import.meta.dirname, '..');

describe('stages', () => {
	test('run every folder of tests (a new folder needs a stage, or its tests never run)', () => {
		const folders = readdirSync(testsDir, { withFileTypes: true })
			.filter((entry) => entry.isDirectory() && entry.name !== 'fixtures')
			.map((entry) => entry.name);
		const names = new Set(stages.map((stage) => stage.name));
		expect(folders.filter((folder) => !names.has(folder))).toEqual([]);
	});

	test('need only stages that exist, and each stage runs once', () => {
		const names = stages.map((stage) => stage.name);
		expect(new Set(names).size).toBe(names.length);
		for (const stage of stages) {
			for (const need of stage.needs ?? []) expect(names, stage.name).toContain(need);
		}
	});
});

describe('formatStageTable()', () => {
	test('prints a row per stage and the total with the load average', () => {
		const table = formatStageTable(
			[
				{ name: 'build', status: 'passed', startedAt: 0, seconds: 21.04, summary: '' },
				{ name: 'unit', status: 'failed', startedAt: 21, seconds: 40, summary: '1 failed' },
				{ name: 'dist', status: 'skipped', startedAt: 21, seconds: 0, summary: 'needs build' },
			],
			125.2,
			[0.51, 1.44],
			3,
		).split('\n');
		expect(table[0]).toMatch(/^\| stage\s+\| start \| time\s+\| result\s+\|$/);
		expect(table[2]).toMatch(/^\| build\s+\| 0 s\s+\| 21\.0 s \| passed\s+\|$/);
		expect(table[3]).toMatch(/^\| unit\s+\| 21 s\s+\| 40\.0 s \| failed: 1 failed\s+\|$/);
		expect(table[4]).toMatch(/^\| dist\s+\| 21 s\s+\| –\s+\| skipped: needs build \|$/);
		expect(table.at(-1)).toBe(
			'total 2 min 5 s (wall clock, 3 stages at a time); load average 0.51 at the start, 1.44 at the end',
		);
	});
});
