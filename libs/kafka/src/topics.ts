import { DLQ_SUFFIX } from '@dpi/contracts';

/** Applies the deployment's topic prefix (empty in production, per-run in tests). */
export function prefixedTopic(topic: string, prefix: string): string {
  return `${prefix}${topic}`;
}

export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/** The logical topic of a prefixed name (what {@link prefixedTopic} was given). */
export function logicalTopic(topic: string, prefix: string): string {
  return prefix !== '' && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
}
