const DAY = 86_400_000;

/** The ISO 8601 week of a UTC instant: its label (`2026-W01`) and the date of its Monday (`YYYY-MM-DD`). */
export function computeIsoWeek(at: Date): { week: string; weekOf: string } {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = midnight - weekday * DAY;
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const firstThursdayWeek = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return {
    week: `${year}-W${String(firstThursdayWeek).padStart(2, '0')}`,
    weekOf: new Date(monday).toISOString().slice(0, 10),
  };
}
