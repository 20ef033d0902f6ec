import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { storeConfig } from '../../src/lib/store/config.ts';
import { processStore, sharedOpener } from '../../src/lib/store/process-store.ts';
import { tempDir } from '../fixtures/feedback.ts';

const temp = tempDir();
afterAll(() => temp.remove());

describe('sharedOpener()', () => {
	test('returns the same store to every caller, opened once, even when they ask at once', async () => {
		let opened = 0;
		const open = sharedOpener(async () => ({ n: ++opened }));
		const [a, b] = await Promise.all([open(), open()]);
		expect(await open()).toBe(a);
		expect(b).toBe(a);
		expect(opened).toBe(1);
	});

	test('returns a new attempt after a failed open instead of the failure again', async () => {
		let attempts = 0;
		const open = sharedOpener(async () => {
			attempts++;
			if (attempts === 1) throw new Error('database down');
			return { attempts };
		});
		await expect(open()).rejects.toThrow('database down');
		expect(await open()).toEqual({ attempts: 2 });
		expect(await open()).toEqual({ attempts: 2 });
	});
});

describe('processStore()', () => {
	test('returns one migrated store for the process, at FEEDBACK_DB_PATH', async () => {
		const path = join(temp.dir, 'process', 'feedback.db');
		process.env['FEEDBACK_DB_PATH'] = path;
		try {
			const [first, second] = await Promise.all([processStore(), processStore()]);
			expect(second).toBe(first);
			expect(existsSync(path)).toBe(true);
			expect(await first.counts('icloud-mail')).toEqual({ yes: 0, no: 0 });
			await first.close();
		} finally {
			delete process.env['FEEDBACK_DB_PATH'];
		}
	});

	test('is the same opener in another copy of the module (the server runs two bundles)', async () => {
		// After a reset the module is evaluated once more, as the second bundle's copy is.
		vi.resetModules();
		const copy = await import('../../src/lib/store/process-store.ts');
		expect(copy.processStore).toBe(processStore);
		expect(copy.sharedOpener).not.toBe(sharedOpener);
	});
});

describe('storeConfig()', () => {
	test('returns SQLite in data/ under the working folder when nothing is set', () => {
		expect(storeConfig({}, '/srv/help')).toEqual({
			database: { kind: 'sqlite', path: '/srv/help/data/feedback.db' },
			dataDir: '/srv/help/data',
		});
	});

	test('returns FEEDBACK_DB_PATH relative to the working folder, and the data folder apart', () => {
		expect(
			storeConfig({ FEEDBACK_DB_PATH: 'db/v.db', FEEDBACK_DATA_DIR: '/var/lib/help' }, '/srv'),
		).toEqual({ database: { kind: 'sqlite', path: '/srv/db/v.db' }, dataDir: '/var/lib/help' });
	});

	test('throws naming FEEDBACK_DATABASE_URL when it is not a PostgreSQL URL', () => {
		expect(() => storeConfig({ FEEDBACK_DATABASE_URL: 'mysql://db/help' }, '/')).toThrow(
			/^FEEDBACK_DATABASE_URL: .*"mysql:\/\/db\/help"/,
		);
	});
});
