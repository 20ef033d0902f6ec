/**
 * Property-based fuzzing of `GET /api/mail-provider` (fast-check) against a real SQLite store:
 * random and hostile query strings (Unicode, IP literals, addresses, over-long names, percent
 * junk, repeated and unknown parameters) and methods. For every request:
 *
 * - the answer is never a 5xx and nothing is logged as a server fault;
 * - a 4xx is problem+json whose `status` matches; a 400 names `domain` or `lang`;
 * - a 200 is the JSON answer with a guide in the requested language;
 * - DNS is asked at most once, only for a valid lower-case ASCII domain, never for an address;
 * - the store holds nothing but rate-limit counters under hashed buckets.
 *
 * The seed is fixed (FC_SEED overrides it) and printed with a failure, so a failure replays.
 */
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MxOutcome } from '../../src/lib/mail-provider/resolver.ts';
import { testFinderApi } from '../fixtures/mail-provider.ts';

const seed = Number(process.env['FC_SEED'] ?? 20261207);
const numRuns = 400;
const asciiDomain = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

const outcomes: MxOutcome[] = [
	{ kind: 'records', records: [{ exchange: 'x.mail.protection.outlook.com', priority: 0 }] },
	{ kind: 'records', records: [{ exchange: 'mx1.pphosted.com', priority: 10 }] },
	{ kind: 'records', records: [] },
	{ kind: 'no-domain' },
	{ kind: 'failed' },
];

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
const domainValue = fc.oneof(
	{
		arbitrary: fc
			.tuple(label, fc.constantFrom('nl', 'com', 'test', 'co.uk', 'NL'))
			.map(([l, t]) => `${l}.${t}`),
		weight: 8,
	},
	fc.constantFrom(
		'gmail.com',
		'ME.COM.',
		'café.nl',
		'xn--caf-dma.nl',
		'例え.テスト',
		'mail.kpnmail.nl',
	),
	fc.constantFrom('127.0.0.1', '0x7f.1', '[::1]', '::1', '2001:db8::1', '10.1', 'a.nl:25'),
	fc.tuple(fc.string(), label).map(([local, l]) => `${local}@${l}.nl`),
	fc.string({ maxLength: 80 }),
	fc.string({ unit: 'grapheme', maxLength: 80 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.integer({ min: 60, max: 400 }).map((n) => `${'a'.repeat(n)}.nl`),
	fc.integer({ min: 1, max: 3000 }).map((n) => 'ab.'.repeat(n) + 'nl'),
	fc.constantFrom('', ' ', '.', '..', '-a.nl', 'a_b.nl', '%00', 'a.nl\u0000', '\u200b.nl'),
);

/** A raw query string: the domain (percent-encoded or not), lang, repeats and strangers. */
const query = fc
	.record({
		// Mostly one domain, as the browser sends; sometimes none or two.
		domains: fc.oneof(
			{ arbitrary: domainValue.map((d) => [d]), weight: 6 },
			fc.array(domainValue, { maxLength: 2 }),
		),
		lang: fc.option(fc.oneof(fc.constantFrom('nl', 'en', 'de', ''), fc.string()), {
			nil: undefined,
		}),
		extra: fc.array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })), {
			maxLength: 2,
		}),
		raw: fc.boolean(),
	})
	.map(({ domains, lang, extra, raw }) => {
		const pairs: [string, string][] = [
			...domains.map((d): [string, string] => ['domain', d]),
			...(lang === undefined ? [] : [['lang', lang] as [string, string]]),
			...extra,
		];
		// Raw: the value as typed into a URL bar, odd percent signs and all.
		return raw
			? pairs.map(([k, v]) => `${k}=${v.replace(/[#&\s]/g, '')}`).join('&')
			: new URLSearchParams(pairs).toString();
	});

const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE');

describe('GET /api/mail-provider under fuzzing', () => {
	let api: Awaited<ReturnType<typeof testFinderApi>>;
	let answers: Map<string, MxOutcome>;

	beforeAll(async () => {
		answers = new Map();
		api = await testFinderApi({
			lookup: (domain) => {
				api.asked.push(domain);
				const outcome = outcomes[domain.length % outcomes.length]!;
				answers.set(domain, outcome);
				return Promise.resolve(outcome);
			},
		});
	});
	afterAll(() => api.cleanup());

	test(`answers ${numRuns} random and hostile requests as the contract says (seed ${seed})`, async () => {
		const statuses = new Set<number>();
		const check = async (search: string, verb: string, clientAddress?: string) => {
			api.asked.length = 0;
			let request: Request;
			try {
				request = new Request(`https://help.test/api/mail-provider?${search}`, { method: verb });
			} catch {
				return; // not a URL a client could send
			}
			const response = await api.handle(request, { clientAddress });
			statuses.add(response.status);
			expect(response.status).toBeLessThan(500);
			expect(api.logged).toEqual([]);
			expect(api.asked.length).toBeLessThanOrEqual(1);
			for (const name of api.asked) expect(name).toMatch(asciiDomain);
			if (verb !== 'GET' && verb !== 'HEAD') {
				expect(response.status).toBe(405);
				expect(api.asked).toEqual([]);
			}
			if (response.status >= 400) {
				expect(response.headers.get('content-type')).toBe('application/problem+json');
				const problem = (await response.json()) as {
					status: number;
					errors: { field: string; message: string }[];
				};
				expect(problem.status).toBe(response.status);
				if (response.status === 400) {
					expect(problem.errors.length).toBeGreaterThan(0);
					for (const e of problem.errors) expect(['domain', 'lang']).toContain(e.field);
				}
				expect(api.asked).toEqual([]);
				return;
			}
			expect(response.status).toBe(200);
			const params = new URL(request.url).searchParams;
			const lang = params.get('lang') || 'nl';
			const body = (await response.json()) as { domain: string; guide: string; checked: boolean };
			expect(body.domain).toMatch(asciiDomain);
			expect(body.domain).not.toContain('@');
			expect(body.guide.startsWith(`/${lang}/`)).toBe(true);
		};
		try {
			await fc.assert(
				fc.asyncProperty(
					query,
					method,
					fc.constantFrom('203.0.113.7', '2001:db8::7', undefined),
					check,
				),
				{ seed, numRuns },
			);
		} catch (error) {
			throw new Error(`Replay with FC_SEED=${seed}: ${String(error)}`.slice(0, 20_000), {
				cause: error,
			});
		}
		const db = new DatabaseSync(api.path);
		try {
			const votes = db.prepare('SELECT count(*) AS n FROM votes').get();
			expect(votes?.['n']).toBe(0);
			const buckets = db.prepare('SELECT bucket FROM rate_limits').all();
			for (const row of buckets)
				expect(String(row['bucket'])).toMatch(/^mail-provider:[0-9a-f]{64}$/);
			expect(buckets.length).toBeGreaterThan(0);
		} finally {
			db.close();
		}
		// The run reached every kind of answer, and DNS for many domains.
		expect([...statuses].sort()).toEqual([200, 400, 405]);
		expect(answers.size).toBeGreaterThan(20);
	});
});
