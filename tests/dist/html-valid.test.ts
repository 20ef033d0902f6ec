import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateHtml } from './helpers/validate.ts';
import { clientDir, listPages } from './helpers/site.ts';

describe('validateHtml()', () => {
	test('names the file, line, column and rule of an error', async () => {
		const html =
			'<!DOCTYPE html>\n<html lang="en"><head><title>x</title></head>\n<body><main><p id="a"></p><p id="a"></p><button>x</button></main></body></html>';
		const messages = await validateHtml(html, 'broken.html');
		expect(messages).toContainEqual(expect.stringMatching(/^broken\.html:3:\d+ no-dup-id: /));
		expect(messages).toContainEqual(
			expect.stringMatching(/^broken\.html:3:\d+ no-implicit-button-type: /),
		);
	});

	test('accepts a small valid page', async () => {
		const html =
			'<!DOCTYPE html>\n<html lang="en"><head><title>x</title></head><body><main><h1>x</h1></main></body></html>\n';
		expect(await validateHtml(html, 'ok.html')).toEqual([]);
	});
});

describe('built pages', async () => {
	const pages = await listPages();
	test.each(pages.map((p) => p.file))('%s is valid HTML (html-validate)', async (file) => {
		const html = await readFile(join(clientDir, file), 'utf8');
		expect(await validateHtml(html, file), `html-validate errors in ${file}`).toEqual([]);
	});
});
