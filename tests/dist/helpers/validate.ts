/**
 * html-validate over built pages, configured by the project's `.htmlvalidate.json` (found from
 * the page's path upwards, or from the project root for pages outside it).
 */
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { resolve } from 'node:path';

const projectConfig = resolve(import.meta.dirname, '../../../.htmlvalidate.json');
const validator = new HtmlValidate(new FileSystemConfigLoader({ extends: [projectConfig] }));

/** One validation error or warning, as `file:line:column rule: message`. */
export function formatMessage(file: string, message: Message): string {
	return `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`;
}

/** The validator's errors and warnings for one HTML document. */
export async function validateHtml(source: string, file: string): Promise<string[]> {
	const report = await validator.validateString(source, file);
	return report.results.flatMap((result) => result.messages.map((m) => formatMessage(file, m)));
}
