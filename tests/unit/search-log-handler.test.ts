/**
 * `POST /api/search-log` (src/lib/search-log/handler.ts) against a real SQLite store: what is
 * stored (masked, normalised, nothing about the client), what is refused and how, the rate
 * limit, the log switched off, retention, and the finder's domain entries.
 */
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { createSearchLogHandler, finderLogger } from '../../src/lib/search-log/handler.ts';
import type { SearchLogDependencies } from '../../src/lib/search-log/handler.ts';
import { origin, secret, tempSqlite } from '../fixtures/feedback.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function api(overrides: Partial<SearchLogDependencies> = {}) {
	const db = await tempSqlite();
	cleanups.push(db.cleanup);
	let now = new Date('2026-12-07T10:00:00Z');
	const logged: string[] = [];
	const deps: SearchLogDependencies = {
		store: () => Promise.resolve(db.store),
		secret,
		rate: { max: 5, windowSeconds: 600 },
		days: 180,
		now: () => now,
		log: (message) => logged.push(message),
		...overrides,
	};
	const handle = createSearchLogHandler(deps);
	return {
		...db,
		deps,
		logged,
		handle,
		post: (body: unknown, headers: Record<string, string> = {}, address = '203.0.113.7') =>
			handle(
				new Request(`${origin}/api/search-log`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
					body: typeof body === 'string' ? body : JSON.stringify(body),
				}),
				{ clientAddress: address },
			),
		advance(days: number) {
			now = new Date(now.getTime() + days * 86_400_000);
		},
		rows: () => {
			const read = new DatabaseSync(db.path);
			try {
				return read.prepare('SELECT * FROM search_log ORDER BY created_at').all();
			} finally {
				read.close();
			}
		},
		counters: () => {
			const read = new DatabaseSync(db.path);
			try {
				return read.prepare('SELECT bucket, count FROM rate_limits').all();
			} finally {
				read.close();
			}
		},
	};
}

const search = (fields: Record<string, unknown> = {}) => ({
	type: 'search',
	id: crypto.randomUUID(),
	lang: 'nl',
	query: 'Gmail wachtwoord',
	results: 4,
	adjustment: 'none',
	...fields,
});

describe('POST /api/search-log', () => {
	test('stores a settled search normalised, with no client data, and answers 204', async () => {
		const t = await api();
		const body = search({ query: '  Wachtwoord voor JAN@bedrijf.nl  ', results: 0 });
		const response = await t.post(body);
		expect(response.status).toBe(204);
		expect(response.headers.get('set-cookie')).toBeNull();
		const rows = t.rows();
		expect(rows).toEqual([
			{
				id: body.id,
				kind: 'search',
				lang: 'nl',
				query: 'wachtwoord voor [e-mail]',
				results: 0,
				detail: 'none',
				clicked_rank: null,
				created_at: '2026-12-07T10:00:00.000Z',
			},
		]);
		// The client's counter is keyed by a hash: its address appears nowhere.
		expect(JSON.stringify([rows, t.counters()])).not.toContain('203.0.113.7');
	});

	test('a click records the first rank opened from that search, once', async () => {
		const t = await api();
		const body = search();
		await t.post(body);
		expect((await t.post({ type: 'click', id: body.id, rank: 2 })).status).toBe(204);
		expect((await t.post({ type: 'click', id: body.id, rank: 1 })).status).toBe(204);
		expect(t.rows()[0]).toMatchObject({ clicked_rank: 2 });
	});

	test('a click on an unknown search changes nothing', async () => {
		const t = await api();
		expect((await t.post({ type: 'click', id: crypto.randomUUID(), rank: 1 })).status).toBe(204);
		expect(t.rows()).toEqual([]);
	});

	test('the same search id twice is stored once', async () => {
		const t = await api();
		const body = search();
		await t.post(body);
		await t.post({ ...body, query: 'iets anders' });
		expect(t.rows()).toHaveLength(1);
		expect(t.rows()[0]).toMatchObject({ query: 'gmail wachtwoord' });
	});

	test.each([
		[{ ...search(), lang: 'de' }, 'lang'],
		[{ ...search(), id: 'abc' }, 'id'],
		[{ ...search(), query: '   ' }, 'query'],
		[{ ...search(), query: 'x'.repeat(201) }, 'query'],
		[{ ...search(), query: 42 }, 'query'],
		[{ ...search(), results: -1 }, 'results'],
		[{ ...search(), results: 1.5 }, 'results'],
		[{ ...search(), adjustment: 'maybe' }, 'adjustment'],
		[{ ...search(), ip: '1.2.3.4' }, 'body'],
		[{ type: 'click', id: crypto.randomUUID(), rank: 0 }, 'rank'],
		[{ type: 'visit' }, 'type'],
		[[], 'body'],
	])('refuses %j with a 400 naming %s, storing nothing', async (body, field) => {
		const t = await api();
		const response = await t.post(body);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		const problem = (await response.json()) as { errors: { field: string }[] };
		expect(problem.errors.map((e) => e.field)).toContain(field);
		expect(t.rows()).toEqual([]);
	});

	test('refuses another media type, a cross-site post, another method, a large body', async () => {
		const t = await api();
		expect(
			(await t.post('query=x', { 'Content-Type': 'application/x-www-form-urlencoded' })).status,
		).toBe(415);
		expect((await t.post(search(), { Origin: 'https://evil.test' })).status).toBe(403);
		expect((await t.post(search(), { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
		expect((await t.post('{"type":')).status).toBe(400);
		expect((await t.post(JSON.stringify({ ...search(), pad: 'x'.repeat(3000) }))).status).toBe(413);
		const get = await t.handle(new Request(`${origin}/api/search-log`));
		expect(get.status).toBe(405);
		expect(get.headers.get('allow')).toBe('POST');
		expect(t.rows()).toEqual([]);
	});

	test('rate-limits per client, counting refused requests too', async () => {
		const t = await api({ rate: { max: 3, windowSeconds: 600 } });
		expect((await t.post(search())).status).toBe(204);
		expect((await t.post({ bad: true })).status).toBe(400);
		expect((await t.post(search())).status).toBe(204);
		const limited = await t.post(search());
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(t.rows()).toHaveLength(2);
		// Another client is not held back.
		expect((await t.post(search(), {}, '198.51.100.9')).status).toBe(204);
	});

	test('SEARCH_LOG_DAYS=0: accepted, nothing stored', async () => {
		const t = await api({ days: 0 });
		expect((await t.post(search())).status).toBe(204);
		expect(t.rows()).toEqual([]);
	});

	test('a store that cannot open answers 503, never a success', async () => {
		const t = await api({ store: () => Promise.reject(new Error('disk gone')) });
		const response = await t.post(search());
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('30');
		expect(t.logged).toEqual(['search-log: storage error']);
	});

	test('deletes rows older than the retention on the first write and then once a day', async () => {
		const t = await api({ days: 30 });
		await t.post(search({ query: 'oud' }));
		t.advance(29.7);
		await t.post(search({ query: 'midden' }));
		expect(t.rows().map((r) => r['query'])).toEqual(['oud', 'midden']);
		t.advance(0.5);
		// "oud" is now past 30 days, but the last purge was half a day ago: none yet.
		await t.post(search({ query: 'later' }));
		expect(t.rows().map((r) => r['query'])).toEqual(['oud', 'midden', 'later']);
		t.advance(0.6);
		await t.post(search({ query: 'nog later' }));
		expect(t.rows().map((r) => r['query'])).toEqual(['midden', 'later', 'nog later']);
	});
});

describe('finderLogger', () => {
	test('stores the domain only, with the reason', async () => {
		const t = await api();
		const log = finderLogger(t.deps);
		await log('jouwbedrijf.nl', 'nl', 'unknown', new Date('2026-12-07T11:00:00Z'));
		expect(t.rows()).toEqual([
			expect.objectContaining({
				kind: 'finder',
				lang: 'nl',
				query: 'jouwbedrijf.nl',
				results: null,
				detail: 'unknown',
			}),
		]);
	});

	test('a store failure is logged, not thrown', async () => {
		const logged: string[] = [];
		const log = finderLogger({
			store: () => Promise.reject(new Error('down')),
			days: 180,
			log: (message) => logged.push(message),
		});
		await expect(log('x.nl', 'nl', 'unknown', new Date())).resolves.toBeUndefined();
		expect(logged).toEqual(['search-log: finder entry not saved']);
	});
});
