/**
 * The baseline of `npm run bench:endpoint`: a bare `node:http` server that stores each posted vote
 * with the same INSERT into the same schema as the feedback store, and nothing else (no
 * validation, origin check, rate limits, hashing or Astro). Its throughput is the ceiling our
 * endpoint is compared with. Same durability as the store: SQLite in WAL mode with an fsync per
 * vote (`synchronous = FULL`); PostgreSQL with one autocommitted INSERT per vote and the store's
 * pool size (5).
 *
 * Environment: BASELINE_DB (a SQLite file path or a postgres:// URL), PORT, HOST (127.0.0.1).
 */
import { createServer } from 'node:http';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { migrations } from '../src/lib/store/migrations.ts';

const target = process.env['BASELINE_DB'];
if (!target) {
	console.error('BASELINE_DB: expected a SQLite file path or a postgres:// URL, got nothing.');
	process.exit(2);
}

/** A vote as the benchmark posts it. */
interface Vote {
	article: string;
	lang: string;
	vote: string;
	visitor: string;
}

/** Creates the schema and returns the insert: the only work the baseline does per request. */
async function open(url: string): Promise<(vote: Vote, at: string) => Promise<void>> {
	if (/^postgres(ql)?:\/\//.test(url)) {
		const sql = postgres(url, { max: 5, onnotice: () => {} });
		for (const m of migrations) await sql.unsafe(m.postgres);
		return async (v, at) => {
			await sql`INSERT INTO votes (article, lang, article_updated, vote, reasons, visitor_hash, created_at, updated_at)
				VALUES (${v.article}, ${v.lang}, '2026-01-01', ${v.vote}, '{}', ${v.visitor}, ${at}, ${at})`;
		};
	}
	const db = new DatabaseSync(url);
	db.exec('PRAGMA journal_mode = WAL');
	db.exec('PRAGMA synchronous = FULL');
	for (const m of migrations) db.exec(m.sqlite);
	const insert = db.prepare(
		`INSERT INTO votes (article, lang, article_updated, vote, reasons, visitor_hash, created_at, updated_at)
		VALUES (?, ?, '2026-01-01', ?, '[]', ?, ?, ?)`,
	);
	return async (v, at) => {
		insert.run(v.article, v.lang, v.vote, v.visitor, at, at);
	};
}

const insert = await open(target);
const server = createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (chunk: Buffer) => chunks.push(chunk));
	req.on('end', () => {
		let vote: Vote;
		try {
			vote = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Vote;
		} catch {
			// Not a vote (the benchmark's readiness probe): no validation beyond "is JSON".
			res.writeHead(400).end();
			return;
		}
		insert(vote, new Date().toISOString()).then(
			() => {
				res.writeHead(201, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ ok: true, vote: vote.vote }));
			},
			(error: unknown) => {
				console.error(error);
				res.writeHead(503).end();
			},
		);
	});
});
server.listen(Number(process.env['PORT'] ?? 0), process.env['HOST'] ?? '127.0.0.1', () => {
	const address = server.address();
	console.log(`baseline listening on ${typeof address === 'object' ? address?.port : address}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
