/** Column alignment in a GFM table. */
export type Alignment = 'left' | 'right' | 'center';

/** A GFM table split into its header (the two first lines) and its rows, so `fitBody` can shorten the rows. */
export interface TableParts {
  header: string;
  rows: string[];
}

/**
 * Renders a GFM table. Cells are markdown already: escape user text with `escapeMarkdown` first (it escapes `|`
 * and keeps each cell on one line). An empty cell is shown as a single space so the row keeps its columns.
 */
export function renderTable(headings: readonly string[], rows: readonly (readonly string[])[], align: readonly Alignment[] = []): TableParts {
  const divider = headings.map((_, index) => {
    switch (align[index]) {
      case 'right':
        return '---:';
      case 'center':
        return ':---:';
      default:
        return '---';
    }
  });
  return { header: `${renderRow(headings)}\n${renderRow(divider)}`, rows: rows.map(renderRow) };
}

function renderRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
}
