import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { pingKafka, withTimeout } from '@dpi/kafka';
import { Admin } from 'kafkajs';
import { KAFKA_ADMIN } from '../kafka/kafka.module';

@Injectable()
export class KafkaHealthIndicator {
  private connected = false;

  constructor(
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Up when the cluster answers within the budget; the connect counts against it too. */
  async isHealthy(key: string, timeoutMs = 1500) {
    const indicator = this.health.check(key);
    try {
      const { brokers } = await withTimeout(
        this.ping(),
        timeoutMs,
        `Kafka did not answer within ${timeoutMs} ms`,
      );
      return indicator.up({ brokers });
    } catch (error) {
      this.connected = false;
      await this.admin.disconnect().catch(() => undefined);
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async ping(): Promise<{ brokers: number }> {
    if (!this.connected) {
      await this.admin.connect();
      this.connected = true;
    }
    return pingKafka(this.admin, 1500);
  }
}
