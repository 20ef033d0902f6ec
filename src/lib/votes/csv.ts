/**
 * CSV (RFC 4180) for spreadsheets. Every cell is quoted when it must be, and a text cell that a
 * spreadsheet would run as a formula is defused: feedback comments are written by anyone.
 */

/** A cell: text is escaped, numbers are written as they are. */
export type CsvCell = string | number | null | undefined;

/**
 * Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula
 * (OWASP "CSV injection"): `=`, `+`, `-`, `@`, and tab or carriage return before one of them.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One cell, safe to open in a spreadsheet: a formula-like text gets a leading `'`. */
export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	// Numbers are ours, never reader input, so a negative number keeps its minus sign.
	let text = typeof value === 'number' ? String(value) : value;
	if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: a header row, then the rows, CRLF line ends (RFC 4180) and a final
 * line end. No byte order mark: the caller adds one where Excel needs it.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
