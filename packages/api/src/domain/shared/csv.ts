/** RFC 4180: quoted when needed; a leading =+-@ is defused so a spreadsheet shows it as text. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Lines of fields as CSV text, CRLF line ends (RFC 4180). */
export function toCsv(lines: readonly (readonly string[])[]): string {
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}
