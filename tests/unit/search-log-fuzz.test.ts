/**
 * Property-based fuzzing of `POST /api/search-log` (fast-check) against real stores: SQLite in a
 * temporary folder and PostgreSQL in a temporary database (unless FEEDBACK_SKIP_POSTGRES=1). For
 * every random or hostile request:
 *
 * - the answer is never a 5xx and nothing is logged as a server fault;
 * - a 4xx is problem+json whose `status` matches, and a 400 names the field;
 * - a rejected request stores nothing: the search log is exactly as before;
 * - an accepted search is stored once, with its query normalised and masked as
 *   `normaliseQuery` says, and nothing else about the request; an accepted click changes at
 *   most the `clicked_rank` of the row it names.
 *
 * The seed is fixed (FC_SEED overrides it) and printed with a failure, so a failure replays.
 */
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSearchLogHandler } from '../../src/lib/search-log/handler.ts';
import { normaliseQuery } from '../../src/lib/search-log/mask.ts';
import { PostgresFeedbackStore } from '../../src/lib/store/postgres.ts';
import type { FeedbackStore } from '../../src/lib/store/store.ts';
import {
	createTempDatabase,
	origin,
	secret,
	skipPostgres,
	tempSqlite,
} from '../fixtures/feedback.ts';

const seed = Number(process.env['FC_SEED'] ?? 20261207);
const numRuns = 200;

/** Ids the fuzzer reuses, so clicks and repeated searches hit rows that exist. */
const knownIds = Array.from({ length: 4 }, () => crypto.randomUUID());

const text = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.string({ unit: 'grapheme', maxLength: 60 }),
	fc.string({ unit: 'binary', maxLength: 30 }),
	fc.constantFrom(
		'jan@bedrijf.nl wachtwoord',
		'bel 06-12345678',
		'abcd efgh ijkl mnop',
		'Welkom123!',
		'535 5.7.8',
		'   ',
		'x'.repeat(199),
		'x'.repeat(201),
		'\u0000\u202e',
		'<script>alert(1)</script>',
		"'; DROP TABLE search_log; --",
	),
);

const anyJson = fc.jsonValue({ maxDepth: 2 });

const searchBody = fc.record(
	{
		type: fc.oneof({ arbitrary: fc.constant('search'), weight: 8 }, anyJson),
		id: fc.oneof(
			{ arbitrary: fc.constantFrom(...knownIds), weight: 3 },
			{ arbitrary: fc.uuid(), weight: 3 },
			anyJson,
		),
		lang: fc.oneof({ arbitrary: fc.constantFrom('nl', 'en'), weight: 8 }, anyJson),
		query: fc.oneof({ arbitrary: text, weight: 8 }, anyJson),
		results: fc.oneof(
			{ arbitrary: fc.integer({ min: 0, max: 50 }), weight: 8 },
			fc.constantFrom(-1, 1.5, 1e9, '3', null),
		),
		adjustment: fc.oneof(
			{ arbitrary: fc.constantFrom('none', 'corrected', 'partial'), weight: 8 },
			anyJson,
		),
	},
	{ requiredKeys: ['type', 'id', 'lang', 'query', 'results', 'adjustment'] },
);

const clickBody = fc.record(
	{
		type: fc.constant('click'),
		id: fc.oneof({ arbitrary: fc.constantFrom(...knownIds), weight: 4 }, fc.uuid(), anyJson),
		rank: fc.oneof(
			{ arbitrary: fc.integer({ min: 1, max: 20 }), weight: 6 },
			fc.constantFrom(0, -3, 2.5, 5000, '1'),
		),
	},
	{ requiredKeys: ['type', 'id', 'rank'] },
);

/** Now and then a field the server did not ask for (an address, say): always refused. */
const withStranger = <T extends object>(body: fc.Arbitrary<T>) =>
	fc
		.tuple(
			body,
			fc.oneof(
				{ arbitrary: fc.constant(null), weight: 9 },
				fc.tuple(fc.constantFrom('ip', 'userAgent', 'extra'), anyJson),
			),
		)
		.map(([b, extra]) => (extra ? { ...b, [extra[0]]: extra[1] } : b));

const request = fc.record({
	body: fc.oneof(
		{ arbitrary: withStranger(searchBody).map((b) => JSON.stringify(b)), weight: 6 },
		{ arbitrary: withStranger(clickBody).map((b) => JSON.stringify(b)), weight: 3 },
		anyJson.map((b) => JSON.stringify(b)),
		fc.string({ maxLength: 40 }),
		fc.constant(''),
		fc.constant(`{"type":"search","query":"${'a'.repeat(3000)}"}`),
	),
	contentType: fc.oneof(
		{ arbitrary: fc.constant('application/json'), weight: 8 },
		fc.constantFrom(
			'text/plain',
			'application/json; charset=latin1',
			'application/x-www-form-urlencoded',
			'',
		),
	),
	method: fc.oneof({ arbitrary: fc.constant('POST'), weight: 10 }, fc.constantFrom('GET', 'PUT')),
	crossSite: fc.boolean().map((b) => b && Math.random() < 0.2),
});

interface Row {
	id: string;
	kind: string;
	lang: string;
	query: string;
	results: number | null;
	detail: string | null;
	clicked_rank: number | null;
}

type ReadRows = () => Promise<Map<string, Row>>;

function fuzz(
	name: string,
	open: () => Promise<{ store: FeedbackStore; rows: ReadRows; cleanup: () => Promise<void> }>,
) {
	describe(name, () => {
		let harness: Awaited<ReturnType<typeof open>>;
		beforeAll(async () => {
			harness = await open();
		});
		afterAll(() => harness.cleanup());

		test(`answers ${numRuns} random and hostile requests as the contract says (seed ${seed})`, async () => {
			const logged: string[] = [];
			const statuses = new Set<number>();
			let stored = 0;
			const handle = createSearchLogHandler({
				store: () => Promise.resolve(harness.store),
				secret,
				rate: { max: 1_000_000, windowSeconds: 600 },
				days: 180,
				log: (message) => logged.push(message),
			});
			await fc.assert(
				fc.asyncProperty(request, async (r) => {
					const before = await harness.rows();
					const headers: Record<string, string> = {
						Origin: r.crossSite ? 'https://evil.test' : origin,
					};
					if (r.contentType) headers['Content-Type'] = r.contentType;
					const response = await handle(
						new Request(`${origin}/api/search-log`, {
							method: r.method,
							headers,
							...(r.method === 'POST' ? { body: r.body } : {}),
						}),
						{ clientAddress: '203.0.113.9' },
					);
					statuses.add(response.status);
					expect(response.status).toBeLessThan(500);
					expect(logged).toEqual([]);
					const after = await harness.rows();
					if (response.status !== 204) {
						expect(response.headers.get('content-type')).toBe('application/problem+json');
						const problem = (await response.json()) as {
							status: number;
							errors?: { field: string }[];
						};
						expect(problem.status).toBe(response.status);
						if (response.status === 400) expect(problem.errors?.length).toBeGreaterThan(0);
						expect(after).toEqual(before);
						return;
					}
					const sent = JSON.parse(r.body) as Record<string, unknown>;
					const id = sent['id'] as string;
					const changed = [...after.keys()].filter(
						(key) => JSON.stringify(after.get(key)) !== JSON.stringify(before.get(key)),
					);
					if (sent['type'] === 'click') {
						expect(changed.every((key) => key === id)).toBe(true);
						if (changed.length) {
							expect(before.get(id)!.clicked_rank).toBeNull();
							expect(after.get(id)).toEqual({ ...before.get(id), clicked_rank: sent['rank'] });
						}
						return;
					}
					if (before.has(id)) {
						expect(changed).toEqual([]);
						return;
					}
					expect(changed).toEqual([id]);
					stored += 1;
					expect(after.get(id)).toEqual({
						id,
						kind: 'search',
						lang: sent['lang'],
						query: normaliseQuery(sent['query'] as string),
						results: sent['results'],
						detail: sent['adjustment'],
						clicked_rank: null,
					});
				}),
				{ seed, numRuns },
			);
			// The run reached every kind of answer, and stored real rows.
			expect([...statuses].sort()).toEqual([204, 400, 403, 405, 413, 415]);
			expect(stored).toBeGreaterThan(10);
		}, 120_000);
	});
}

const columns = 'id, kind, lang, query, results, detail, clicked_rank';

fuzz('SQLite', async () => {
	const db = await tempSqlite();
	return {
		store: db.store,
		rows: () => {
			const read = new DatabaseSync(db.path);
			try {
				const rows = read.prepare(`SELECT ${columns} FROM search_log`).all() as unknown as Row[];
				return Promise.resolve(new Map(rows.map((row) => [row.id, { ...row }])));
			} finally {
				read.close();
			}
		},
		cleanup: db.cleanup,
	};
});

if (!skipPostgres) {
	fuzz('PostgreSQL', async () => {
		const database = await createTempDatabase();
		const store = new PostgresFeedbackStore(database.url);
		await store.migrate();
		const sql = postgres(database.url, { max: 1, onnotice: () => {} });
		return {
			store,
			rows: async () => {
				const rows = await sql.unsafe<Row[]>(`SELECT ${columns} FROM search_log`);
				return new Map(rows.map((row) => [row.id, { ...row }]));
			},
			cleanup: async () => {
				await store.close();
				await sql.end();
				await database.drop();
			},
		};
	});
}
