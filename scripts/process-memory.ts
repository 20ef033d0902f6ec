/**
 * Peak memory of a child process tree on Linux, without /usr/bin/time: the tree's resident memory
 * is sampled from /proc (a lower bound of the true peak, as a short spike can fall between two
 * samples), and the Node process itself reports its exact peak (getrusage `ru_maxrss`, via
 * `process.resourceUsage().maxRSS`) when it exits, through a preload module.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Node flags that make a Node child write its exact peak RSS (KiB) to `file` on exit. */
export function peakReportFlags(file: string): string[] {
	const code = `import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(${JSON.stringify(file)},String(process.resourceUsage().maxRSS)))`;
	return ['--import', `data:text/javascript,${encodeURIComponent(code)}`];
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
	} catch {
		return 0; // The process has just exited.
	}
}

function commandOf(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
	} catch {
		return '?';
	}
}

/** The process and all its descendants, from /proc/<pid>/task/<tid>/children. */
function tree(pid: number): number[] {
	const pids = [pid];
	for (let i = 0; i < pids.length; i++) {
		try {
			for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
				const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8');
				for (const child of children.split(' ').filter(Boolean)) pids.push(Number(child));
			}
		} catch {
			// Gone between the listing and the read.
		}
	}
	return pids;
}

/** What the sampler saw of a process tree. */
export interface TreeMemory {
	/** Highest sum of VmRSS over the tree at one sample (MiB-able KiB): concurrent peak. */
	peakTreeRssKiB: number;
	/** Per process, its last seen VmHWM (peak RSS so far), KiB. */
	highWater: Map<number, { command: string; kib: number }>;
	samples: number;
}

/** Samples the tree under `pid` every `intervalMs` until `stop()`. */
export function sampleTree(pid: number, intervalMs = 100): { stop: () => TreeMemory } {
	const memory: TreeMemory = { peakTreeRssKiB: 0, highWater: new Map(), samples: 0 };
	const sample = () => {
		let sum = 0;
		for (const p of tree(pid)) {
			sum += statusKiB(p, 'VmRSS');
			const hwm = statusKiB(p, 'VmHWM');
			if (hwm > (memory.highWater.get(p)?.kib ?? 0)) {
				memory.highWater.set(p, { command: commandOf(p), kib: hwm });
			}
		}
		memory.peakTreeRssKiB = Math.max(memory.peakTreeRssKiB, sum);
		memory.samples++;
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		stop: () => {
			clearInterval(timer);
			return memory;
		},
	};
}
