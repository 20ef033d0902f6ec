/**
 * A tiny line chart as an SVG string, for benchmark results (no charting dependency): one or more
 * series of points with labelled axes, a legend when there are several, a dashed target line and
 * the values written at the points.
 */

/** One line of a chart. */
export interface Series {
	/** Shown in the legend (when the chart has more than one series). */
	name: string;
	points: { x: number; y: number; label?: string }[];
	/** Stroke colour; the palette's next one when left out. */
	color?: string;
	/** A dashed line, e.g. for a baseline. */
	dashed?: boolean;
}

/** What `lineChart` draws. */
export interface LineChart {
	title: string;
	xLabel: string;
	yLabel: string;
	series: Series[];
	/** A horizontal line, e.g. a budget. */
	target?: { y: number; label: string };
}

/** Line colours in series order, readable on white. */
const palette = ['#0f6390', '#5b6b7a', '#7c3aed', '#15803d'];

const escape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at or above `max`. */
function niceMax(max: number): number {
	if (max <= 0) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= max)!;
}

/** Renders the chart, 640×360, linear axes from 0, readable in light and dark viewers. */
export function lineChart(chart: LineChart): string {
	const [width, height] = [640, 360];
	const pad = { left: 64, right: 24, top: 48, bottom: 56 };
	const plotW = width - pad.left - pad.right;
	const plotH = height - pad.top - pad.bottom;
	const all = chart.series.flatMap((s) => s.points);
	const xMax = niceMax(Math.max(...all.map((p) => p.x)));
	const yMax = niceMax(Math.max(...all.map((p) => p.y), chart.target?.y ?? 0));
	const round = (v: number) => Math.round(v * 10) / 10;
	const sx = (x: number) => round(pad.left + (x / xMax) * plotW);
	const sy = (y: number) => round(pad.top + plotH - (y / yMax) * plotH);
	const ticks = (max: number) => Array.from({ length: 6 }, (_, i) => (max / 5) * i);
	const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(1));
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
		`<rect width="${width}" height="${height}" fill="#fff"/>`,
		`<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">${escape(chart.title)}</text>`,
	];
	for (const y of ticks(yMax)) {
		parts.push(
			`<line x1="${pad.left}" x2="${width - pad.right}" y1="${sy(y)}" y2="${sy(y)}" stroke="#e3e8ee"/>`,
			`<text x="${pad.left - 8}" y="${sy(y) + 4}" text-anchor="end" fill="#4d5b69">${fmt(y)}</text>`,
		);
	}
	for (const x of ticks(xMax)) {
		parts.push(
			`<text x="${sx(x)}" y="${height - pad.bottom + 18}" text-anchor="middle" fill="#4d5b69">${fmt(x)}</text>`,
		);
	}
	parts.push(
		`<line x1="${pad.left}" x2="${width - pad.right}" y1="${sy(0)}" y2="${sy(0)}" stroke="#4d5b69"/>`,
		`<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${sy(0)}" stroke="#4d5b69"/>`,
		`<text x="${pad.left + plotW / 2}" y="${height - 14}" text-anchor="middle">${escape(chart.xLabel)}</text>`,
		`<text transform="translate(16 ${pad.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(chart.yLabel)}</text>`,
	);
	if (chart.target) {
		const y = sy(chart.target.y);
		parts.push(
			`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y}" y2="${y}" stroke="#c2410c" stroke-dasharray="6 4"/>`,
			`<text x="${width - pad.right}" y="${y - 6}" text-anchor="end" fill="#c2410c">${escape(chart.target.label)}</text>`,
		);
	}
	for (const [index, series] of chart.series.entries()) {
		const color = series.color ?? palette[index % palette.length]!;
		const sorted = [...series.points].sort((a, b) => a.x - b.x);
		const line = sorted.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
		const dash = series.dashed ? ' stroke-dasharray="8 5"' : '';
		parts.push(
			`<polyline points="${line}" fill="none" stroke="${color}" stroke-width="2.5"${dash}/>`,
		);
		for (const p of sorted) {
			// The value goes above the point, or below it and to the side (clear of the other line, of
			// the x axis and of the right edge) when another series is higher at this x.
			const below = all.some((q) => q.x === p.x && q.y > p.y);
			const right = sx(p.x) < width - pad.right - 60;
			const label = below
				? {
						x: sx(p.x) + (right ? 8 : -8),
						y: Math.min(sy(p.y) + 16, sy(0) - 4),
						anchor: right ? 'start' : 'end',
					}
				: { x: sx(p.x), y: sy(p.y) - 10, anchor: 'middle' };
			parts.push(
				`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="4" fill="${color}"/>`,
				`<text x="${label.x.toFixed(1)}" y="${label.y.toFixed(1)}" text-anchor="${label.anchor}" fill="${color}">${escape(p.label ?? fmt(p.y))}</text>`,
			);
		}
		if (chart.series.length > 1) {
			const y = pad.top + 8 + index * 18;
			parts.push(
				`<line x1="${pad.left + 12}" x2="${pad.left + 40}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="2.5"${dash}/>`,
				`<text x="${pad.left + 48}" y="${y + 4}">${escape(series.name)}</text>`,
			);
		}
	}
	parts.push('</svg>');
	return `${parts.join('\n')}\n`;
}
