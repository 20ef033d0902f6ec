/**
 * Synthetic knowledge base for the search benchmark: copies the project (sources, content,
 * config; packages linked, caches not) into a folder and adds N generated articles per language, so
 * search can be measured at a size the real help center may grow to. Never writes into this
 * project's content/.
 *
 * Usage: node scripts/generate-kb.ts <target-dir> [--per-language 1000] [--seed 1]
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import GithubSlugger from 'github-slugger';
import { locales, type Locale } from '../src/i18n/locales.ts';
import { readArticles, type ContentFile } from '../src/lib/content/files.ts';
import { linkPackages } from './lib/link-packages.ts';

const projectRoot = join(import.meta.dirname, '..');
/** What a build needs; everything else (dist, data, .git, tests) stays behind. */
/** What a build of the copy reads: the site, and the production server the build bundles. */
const copied = [
	'src',
	'content',
	'public',
	'scripts/serve.ts',
	'astro.config.mjs',
	'package.json',
	'tsconfig.json',
];

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

/**
 * Sentence frames; {a} and {b} are filled with vocabulary, {ui} with a bold screen label and
 * {path} with a <UiPath> menu path, as the real guides write them.
 */
const frames: Record<
	Locale,
	{
		titles: string[];
		headings: string[];
		steps: string[];
		callouts: string[];
		goodToKnow: string;
		seeAlso: string;
	}
> = {
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
		steps: [
			'Ga naar {path}.',
			'Klik op {ui}.',
			'Kies {ui} en daarna {ui}.',
			'Vul bij {ui} je {b} in.',
			'Zet {ui} aan en klik op **Opslaan**.',
			'Controleer of {a} in de lijst staat.',
		],
		callouts: ['Let op bij {a}', 'Tip: {a}', 'Je ziet {b} maar één keer'],
		goodToKnow: 'Goed om te weten',
		seeAlso: 'Zie ook',
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
		steps: [
			'Go to {path}.',
			'Click {ui}.',
			'Choose {ui}, then {ui}.',
			'Under {ui}, enter your {b}.',
			'Turn on {ui} and click **Save**.',
			'Check that {a} is in the list.',
		],
		callouts: ['Watch out with {a}', 'Tip: {a}', 'You only see {b} once'],
		goodToKnow: 'Good to know',
		seeAlso: 'See also',
	},
};

let realFiles: ContentFile[] | undefined;
/** The project's own articles, read once (through the content reader: parsed, not pattern-matched). */
const realArticleFiles = () => (realFiles ??= readArticles(projectRoot));

/** The words the real articles of a language use, most frequent first (their prose, as parsed). */
function realVocabulary(lang: Locale): string[] {
	const counts = new Map<string, number>();
	for (const { text } of realArticleFiles().filter((a) => a.lang === lang)) {
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

/** What an article may link to: real articles and the other generated ones (same slugs per language). */
interface LinkTargets {
	real: { slug: string; title: string }[];
	generated: number;
}

/**
 * One generated article as MDX, shaped like the real guides (about 3–5 KB): frontmatter that
 * passes the schema, an intro, h2 sections of prose, <Steps> lists with bold screen labels and
 * <UiPath> menus, h3 subsections, callouts, links to other articles and to its own sections, and
 * a closing "good to know" list.
 */
function article(
	lang: Locale,
	n: number,
	vocab: { real: string[]; madeUp: string[] },
	providerIds: string[],
	links: LinkTargets,
	next: () => number,
): string {
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
	const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const word = () => (next() < 0.65 ? zipf(vocab.real, next) : zipf(vocab.madeUp, next));
	const topic = () => zipf(vocab.madeUp, next);
	const ui = () => `**${capitalise(topic())}**`;
	const path = () =>
		`<UiPath path={${JSON.stringify(Array.from({ length: between(2, 3) }, () => capitalise(topic())))}} />`;
	const fill = (frame: string) =>
		frame
			.replace('{a}', topic())
			.replace('{b}', word())
			.replace('{path}', path())
			.replaceAll('{ui}', () => ui());
	const sentence = (min = 8, max = 19) =>
		capitalise(Array.from({ length: between(min, max) }, word).join(' ')) + '.';
	const otherArticle = () =>
		links.generated > 1 && next() < 0.6
			? `../kb-${String(between(1, links.generated)).padStart(4, '0')}/`
			: `../${pick(links.real).slug}/`;
	/** Prose with the odd bold label, inline code or link, as real paragraphs have. */
	const paragraph = (sentences = between(2, 3)) =>
		Array.from({ length: sentences }, () => {
			const roll = next();
			if (roll < 0.1) return `${sentence(4, 8).slice(0, -1)} ${ui()}.`;
			if (roll < 0.15) return `${sentence(4, 8).slice(0, -1)} \`${topic()}@example.com\`.`;
			if (roll < 0.22)
				return `${sentence(4, 8)} [${capitalise(word())} ${word()}](${otherArticle()})`;
			return sentence();
		}).join(' ');
	const steps = () =>
		[
			'<Steps>',
			'',
			...Array.from({ length: between(3, 6) }, (_, i) => {
				const step =
					next() < 0.12 ? `<CrmText id="${pick(crmTexts)}" />` : fill(pick(frames[lang].steps));
				return `${i + 1}. ${step}${next() < 0.4 ? ` ${sentence(5, 12)}` : ''}`;
			}),
			'',
			'</Steps>',
		].join('\n');
	const callout = () =>
		[
			`<Callout type="${pick(['tip', 'warning', 'important'])}" title=${JSON.stringify(capitalise(fill(pick(frames[lang].callouts))))}>`,
			'',
			paragraph(between(1, 2)),
			'',
			'</Callout>',
		].join('\n');
	const slugger = new GithubSlugger();
	const headings: { text: string; id: string }[] = [];
	const heading = (level: 2 | 3) => {
		const text = capitalise(fill(pick(frames[lang].headings)));
		const id = slugger.slug(text);
		if (level === 2) headings.push({ text, id });
		return `${'#'.repeat(level)} ${text}`;
	};
	const providers = providerIds.filter(() => next() < 0.15);
	const sections = Array.from({ length: between(3, 5) }, () => {
		const parts = [heading(2), paragraph(between(1, 2))];
		const kind = next();
		if (kind < 0.5) parts.push(steps());
		else if (kind < 0.8) {
			for (let i = between(2, 3); i > 0; i--) parts.push(heading(3), paragraph(between(1, 2)));
		} else parts.push(paragraph());
		if (next() < 0.35) parts.push(callout());
		return parts.join('\n\n');
	});
	if (providers.length > 0 && next() < 0.3) {
		sections.push(`<ProviderSettings providers={${JSON.stringify(providers)}} />`);
	}
	const real = pick(links.real);
	const own = pick(headings);
	sections.push(
		[
			`## ${frames[lang].goodToKnow}`,
			'',
			`- ${sentence(6, 14)}`,
			`- ${sentence(4, 8).slice(0, -1)}: [${own.text}](#${own.id}).`,
			`- ${frames[lang].seeAlso} [${real.title}](../${real.slug}/).`,
			...(links.generated > 1
				? [`- ${sentence(4, 8)} [${capitalise(topic())}](${otherArticle()})`]
				: []),
		].join('\n'),
	);
	const keywords = Array.from({ length: between(2, 6) }, word);
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
		paragraph(between(2, 4)),
		'',
		sections.join('\n\n'),
		'',
	].join('\n');
}

/** The `<CrmText>` ids an article may use (the `crm.*` sentences). */
const crmTexts = ['openMailSettings', 'enterPassword', 'checkServerSettings'] as const;

/** Slugs and titles of the real articles of a language, for links that resolve. */
function realArticles(lang: Locale): { slug: string; title: string }[] {
	return realArticleFiles()
		.filter((a) => a.lang === lang)
		.map(({ slug, frontmatter }) => {
			const title = typeof frontmatter['title'] === 'string' ? frontmatter['title'] : slug;
			// Square brackets would end the Markdown link text the title goes into.
			return { slug, title: title.replace(/[[\]]/g, '') };
		});
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
	linkPackages(projectRoot, root);
	const providers = JSON.parse(
		await readFile(join(projectRoot, 'content/providers.json'), 'utf8'),
	) as { id: string; imap?: unknown }[];
	const next = random(seed);
	for (const lang of locales) {
		const vocab = { real: realVocabulary(lang), madeUp: madeUpWords(lang, 6000, next) };
		const links = { real: realArticles(lang), generated: perLanguage };
		const dir = join(root, 'content/articles', lang);
		// Providers whose settings are not verified (imap null) have no <ProviderSettings> table,
		// which the generated articles may show: they are left out.
		const ids = providers.filter((p) => p.imap).map((p) => p.id);
		for (let n = 1; n <= perLanguage; n++) {
			const name = `kb-${String(n).padStart(4, '0')}.mdx`;
			await writeFile(join(dir, name), article(lang, n, vocab, ids, links, next));
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
