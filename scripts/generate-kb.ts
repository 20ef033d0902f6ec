/**
 * Synthetic knowledge base for the search benchmark: copies the project (sources, content,
 * config; node_modules linked) into a folder and adds N generated articles per language, so
 * search can be measured at a size the real help center may grow to. Never writes into this
 * project's content/.
 *
 * Usage: node scripts/generate-kb.ts <target-dir> [--per-language 1000] [--seed 1]
 */
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { locales, type Locale } from '../src/i18n/locales.ts';

const projectRoot = join(import.meta.dirname, '..');
/** What a build needs; everything else (dist, data, .git, tests) stays behind. */
const copied = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Small deterministic PRNG (mulberry32), so every run generates the same knowledge base. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Syllables that make plausible made-up product and feature words per language. */
const syllables: Record<Locale, string[]> = {
	nl: 'ver be ont ge kop pe ling stel len in rich ting ba de mel ding over zicht re kening con tact fac tuur sjab loon pro ject taak lijst agen da re la tie dos sier'.split(
		' ',
	),
	en: 'con fig ur ation set ting in voice tem plate pro ject task list cal en dar re lation ship file sync ex port im port re port ac count work flow'.split(
		' ',
	),
};

/** Sentence frames for titles and headings; {a} and {b} are filled with vocabulary. */
const frames: Record<Locale, { titles: string[]; headings: string[] }> = {
	nl: {
		titles: [
			'{a} instellen in SpinOffice CRM',
			'{a} en {b}: zo werkt het',
			'Problemen met {a} oplossen',
			'{a} koppelen aan je {b}',
			'Wat is {a}?',
		],
		headings: [
			'{a} aanzetten',
			'Zo werkt {a}',
			'Als {a} niet werkt',
			'{a} wijzigen',
			'Goed om te weten over {b}',
			'{a} verwijderen',
		],
	},
	en: {
		titles: [
			'Set up {a} in SpinOffice CRM',
			'{a} and {b}: how it works',
			'Troubleshoot {a}',
			'Connect {a} to your {b}',
			'What is {a}?',
		],
		headings: [
			'Turn on {a}',
			'How {a} works',
			'If {a} does not work',
			'Change {a}',
			'Good to know about {b}',
			'Delete {a}',
		],
	},
};

/** The words the real articles of a language use, most frequent first. */
async function realVocabulary(lang: Locale): Promise<string[]> {
	const dir = join(projectRoot, 'content/articles', lang);
	const counts = new Map<string, number>();
	for (const name of await readdir(dir)) {
		const text = (await readFile(join(dir, name), 'utf8'))
			.replace(/^---[\s\S]*?---/, '')
			.replace(/<[^>]+>|\{[^}]*\}|\[|\]\([^)]*\)|[#*`>|]/g, ' ');
		for (const word of text.toLowerCase().match(/\p{L}[\p{L}-]{2,}/gu) ?? []) {
			counts.set(word, (counts.get(word) ?? 0) + 1);
		}
	}
	return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

/** Made-up words from syllables: the long tail of terms a large knowledge base has. */
function madeUpWords(lang: Locale, count: number, next: () => number): string[] {
	const words = new Set<string>();
	const parts = syllables[lang];
	while (words.size < count) {
		const length = 2 + Math.floor(next() * 3);
		let word = '';
		for (let i = 0; i < length; i++) word += parts[Math.floor(next() * parts.length)];
		words.add(word);
	}
	return [...words];
}

/** Picks index i with probability ~ 1/(i+1): word use in real text follows Zipf's law. */
function zipf(list: readonly string[], next: () => number): string {
	const index = Math.floor(Math.exp(next() * Math.log(list.length + 1))) - 1;
	return list[Math.min(index, list.length - 1)]!;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** One generated article as MDX: frontmatter that passes the schema, headings and prose. */
function article(
	lang: Locale,
	n: number,
	vocab: { real: string[]; madeUp: string[] },
	providerIds: string[],
	next: () => number,
): string {
	const pick = (list: readonly string[]) => list[Math.floor(next() * list.length)]!;
	const word = () => (next() < 0.65 ? zipf(vocab.real, next) : zipf(vocab.madeUp, next));
	const topic = () => zipf(vocab.madeUp, next);
	const fill = (frame: string) => frame.replace('{a}', topic()).replace('{b}', word());
	const sentence = () => {
		const length = 8 + Math.floor(next() * 12);
		return capitalise(Array.from({ length }, word).join(' ')) + '.';
	};
	const paragraph = () => Array.from({ length: 2 + Math.floor(next() * 3) }, sentence).join(' ');
	const sections = Array.from({ length: 3 + Math.floor(next() * 4) }, () => {
		const body = Array.from({ length: 2 + Math.floor(next() * 3) }, paragraph).join('\n\n');
		return `## ${capitalise(fill(pick(frames[lang].headings)))}\n\n${body}`;
	});
	const providers = providerIds.filter(() => next() < 0.15);
	const keywords = Array.from({ length: 2 + Math.floor(next() * 5) }, word);
	const day = String(1 + (n % 28)).padStart(2, '0');
	return [
		'---',
		`title: ${JSON.stringify(capitalise(fill(pick(frames[lang].titles))))}`,
		`description: ${JSON.stringify(sentence().slice(0, 190))}`,
		`category: ${pick(['basics', 'providers', 'troubleshooting'])}`,
		`providers: [${providers.join(', ')}]`,
		`updated: 2026-01-${day}`,
		`order: ${100 + n}`,
		`keywords: [${[...new Set(keywords)].join(', ')}]`,
		'---',
		'',
		paragraph(),
		'',
		sections.join('\n\n'),
		'',
	].join('\n');
}

/** What `generateKnowledgeBase` made. */
export interface GeneratedKb {
	root: string;
	perLanguage: number;
}

/**
 * Copies the project to `target` (replacing it) and writes `perLanguage` synthetic articles
 * per language to its content/articles/<lang>/kb-NNNN.mdx, next to the real ones.
 */
export async function generateKnowledgeBase(
	target: string,
	perLanguage: number,
	seed = 1,
): Promise<GeneratedKb> {
	const root = resolve(target);
	if (root === resolve(projectRoot)) throw new Error('target: must not be this project itself');
	await rm(root, { recursive: true, force: true });
	await mkdir(root, { recursive: true });
	for (const entry of copied) {
		await cp(join(projectRoot, entry), join(root, entry), { recursive: true });
	}
	await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
	const providers = JSON.parse(
		await readFile(join(projectRoot, 'content/providers.json'), 'utf8'),
	) as { id: string }[];
	const next = random(seed);
	for (const lang of locales) {
		const vocab = { real: await realVocabulary(lang), madeUp: madeUpWords(lang, 6000, next) };
		const dir = join(root, 'content/articles', lang);
		for (let n = 1; n <= perLanguage; n++) {
			const name = `kb-${String(n).padStart(4, '0')}.mdx`;
			const ids = providers.map((p) => p.id);
			await writeFile(join(dir, name), article(lang, n, vocab, ids, next));
		}
	}
	return { root, perLanguage };
}

if (import.meta.main) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			'per-language': { type: 'string', default: '1000' },
			seed: { type: 'string', default: '1' },
		},
	});
	const [target] = positionals;
	const perLanguage = Number(values['per-language']);
	if (!target || !Number.isInteger(perLanguage) || perLanguage < 0) {
		console.error('Usage: node scripts/generate-kb.ts <target-dir> [--per-language 1000]');
		process.exit(2);
	}
	const kb = await generateKnowledgeBase(target, perLanguage, Number(values.seed));
	console.log(`Wrote ${kb.perLanguage} articles per language to ${kb.root}/content/articles`);
}
