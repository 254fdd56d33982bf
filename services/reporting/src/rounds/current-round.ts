/** Which round the AG's dashboard shows unless one is chosen (pure). */
export interface RoundState {
  id: string;
  state: 'open' | 'closed';
}

/**
 * Of `rounds` (newest first, as GET /rounds lists them): the newest open round, else the newest
 * one (the last closed); undefined when there is none. A chosen id wins when it is among them.
 */
export function shownRound<R extends RoundState>(
  rounds: readonly R[],
  chosen?: string,
): R | undefined {
  if (chosen) return rounds.find((r) => r.id === chosen);
  return rounds.find((r) => r.state === 'open') ?? rounds[0];
}
