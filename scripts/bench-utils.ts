/**
 * Small helpers the build and endpoint benchmarks share: strict flag parsing (a bad flag exits 2
 * naming it), the machine's load, and writing results to bench/results/.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Where benchmark results are committed, so README figures have a source. */
export const resultsDir = join(import.meta.dirname, '..', 'bench', 'results');

/** Prints a usage error naming the flag and exits with code 2 (the CLI convention here). */
export function usageError(message: string, usage: string): never {
	console.error(`${message}\n${usage}`);
	process.exit(2);
}

/**
 * `parseArgs` in strict mode, turning its errors (unknown flag, missing value) into exit 2 with
 * the flag named, instead of a stack trace.
 */
export function parseFlags<T extends ParseArgsOptionsConfig>(options: T, usage: string) {
	try {
		return parseArgs({ options, strict: true, allowPositionals: false }).values;
	} catch (error) {
		return usageError(error instanceof Error ? error.message : String(error), usage);
	}
}

/** A positive whole number from a flag, or exit 2 naming the flag. */
export function positiveInt(flag: string, value: string | undefined, usage: string): number {
	const n = Number(value);
	if (!value || !Number.isSafeInteger(n) || n < 1) {
		usageError(`--${flag}: expected a positive whole number, got "${value ?? ''}".`, usage);
	}
	return n;
}

/** The 1, 5 and 15 minute load averages from /proc/loadavg (the machine is shared). */
export function loadAverage(): [number, number, number] {
	const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
	return [one!, five!, fifteen!];
}

/** What the results say about the machine they were measured on. */
export function machine() {
	return {
		cpus: availableParallelism(),
		cpuModel: cpus()[0]?.model ?? 'unknown',
		memoryMiB: Math.round(totalmem() / 2 ** 20),
		node: process.version,
	};
}

/** Writes `bench/results/<name>` (JSON pretty-printed, or text as given). */
export async function writeResult(name: string, content: unknown): Promise<string> {
	await mkdir(resultsDir, { recursive: true });
	const path = join(resultsDir, name);
	const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, '\t')}\n`;
	await writeFile(path, text);
	return path;
}

/** Prints rows as an aligned text table; the first row is the header. */
export function printTable(rows: readonly (readonly string[])[]): void {
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
	for (const [index, row] of rows.entries()) {
		console.log(
			row
				.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
				.join('  '),
		);
		if (index === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
	}
}

/** Bytes as MiB with one decimal. */
export const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
