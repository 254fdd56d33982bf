import { Admin } from 'kafkajs';

/** Rejects with `message` when `work` takes longer than `ms`; the late result is ignored. */
export function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves when the cluster answers a metadata request within the timeout, rejects otherwise. */
export async function pingKafka(admin: Admin, timeoutMs = 2000): Promise<{ brokers: number }> {
  const cluster = await withTimeout(
    admin.describeCluster(),
    timeoutMs,
    `Kafka did not answer within ${timeoutMs} ms`,
  );
  return { brokers: cluster.brokers.length };
}
