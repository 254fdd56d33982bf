/**
 * A date text as the registry stores it (what a Land entered or a catalogue's gco:Date /
 * gco:DateTime said): a calendar date, an instant in UTC, or null when it is neither. A date-time
 * without a zone is read as UTC, the zone the services run in.
 */
export function isoDateOrInstant(
  value: string | null | undefined,
): { kind: 'date' | 'instant'; value: string } | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))
    return { kind: 'date', value };
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)))
    return { kind: 'instant', value: new Date(value).toISOString() };
  return null;
}
