// Temporary (issue 18): harvest-job-event.ts is being changed beside this move and follows the other
// decoders into ../projection afterwards; until then its imports resolve here.
export * from '../projection/event-checks';
