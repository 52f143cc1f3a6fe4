/** Excel runs cells that start with = + - @ as formulas: such text leaves a CSV export with a leading quote. */
export function exportCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
