import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { eventually } from './eventually';
import { freePort } from './free-port';
import { WORKSPACE_ROOT } from './infra';

/*
 * Servers of their own for fault tests: a PostgreSQL cluster that a test may restart or kill, and
 * a three-broker Kafka cluster (KRaft, every node broker and controller, replication factor 3,
 * min.insync.replicas 2) of which a test may kill a broker. They use what deploy/local/infra.sh
 * installed (PostgreSQL's binaries, the Kafka jars), never the shared servers other tests use.
 */

const PG_BIN = '/usr/lib/postgresql/15/bin';
const KAFKA_LIB = join(WORKSPACE_ROOT, '.infra/kafka/lib');
const tail = (file: string, lines = 15) =>
  readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
function asPostgres(binary: string, args: string[]): void {
  const [command, argv] = isRoot()
    ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args]]
    : [join(PG_BIN, binary), args];
  execFileSync(command, argv, { stdio: 'pipe', cwd: '/' });
}

function scratchDir(label: string): string {
  const dir = join(WORKSPACE_ROOT, '.infra/faults', `${label}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  // The postgres user must reach and own its data directory.
  chmodSync(dir, 0o777);
  return dir;
}

/** A PostgreSQL 15 + PostGIS cluster of one test: restartable, killable, removed at the end. */
export class FaultPostgres {
  private dir = '';
  port = 0;

  get url(): string {
    return `postgres://dpi:dpi@127.0.0.1:${this.port}/dpi`;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  async start(): Promise<void> {
    this.dir = scratchDir('pg');
    this.port = await freePort();
    asPostgres('initdb', [
      '-D',
      this.data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    writeFileSync(
      join(this.dir, 'extra.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `port = ${this.port}`,
        `unix_socket_directories = '${this.dir}'`,
        'max_connections = 200',
        'fsync = on',
        'synchronous_commit = on',
        '',
      ].join('\n'),
    );
    chmodSync(join(this.dir, 'extra.conf'), 0o644);
    appendFileSync(
      join(this.data, 'postgresql.conf'),
      `\ninclude '${join(this.dir, 'extra.conf')}'\n`,
    );
    await this.launch();
    const admin = new Client({
      connectionString: `postgres://postgres@127.0.0.1:${this.port}/postgres`,
    });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE dpi LOGIN SUPERUSER PASSWORD 'dpi'`);
      await admin.query(`CREATE DATABASE dpi OWNER dpi ENCODING 'UTF8' TEMPLATE template0`);
    } finally {
      await admin.end();
    }
    // As deploy/local/infra.sh prepares the shared database.
    const dpi = new Client({ connectionString: this.url });
    await dpi.connect();
    try {
      await dpi.query('CREATE EXTENSION IF NOT EXISTS postgis');
    } finally {
      await dpi.end();
    }
  }

  /** A clean restart (pg_ctl restart, mode fast: sessions are cut, committed data stays). */
  async restart(): Promise<void> {
    asPostgres('pg_ctl', [
      '-D',
      this.data,
      '-m',
      'fast',
      '-w',
      'restart',
      '-l',
      join(this.dir, 'postgres.log'),
    ]);
    await this.ready();
  }

  /** Like a crash: immediate stop (no checkpoint, recovery on start), then start again. */
  async crashAndStart(): Promise<void> {
    asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
    await this.launch();
  }

  async stop(): Promise<void> {
    if (!this.dir) return;
    try {
      asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running
    }
    rmSync(this.dir, { recursive: true, force: true });
    this.dir = '';
  }

  private async launch(): Promise<void> {
    asPostgres('pg_ctl', ['-D', this.data, '-w', 'start', '-l', join(this.dir, 'postgres.log')]);
    await this.ready();
  }

  private async ready(): Promise<void> {
    await eventually(
      async () => {
        const client = new Client({
          connectionString: `postgres://postgres@127.0.0.1:${this.port}/postgres`,
        });
        // A server still starting up ends the connection: an error, not a crash of the test.
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.query('SELECT 1');
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }
}

interface KafkaNode {
  id: number;
  port: number;
  controllerPort: number;
  props: string;
  log: string;
  child: ChildProcess | null;
}

/**
 * Three Kafka brokers (the jars of deploy/local/infra.sh), each also a KRaft controller, with
 * default.replication.factor 3 and min.insync.replicas 2: with acks=all a write needs two brokers,
 * so one may die without losing an acknowledged record or stopping producers.
 */
export class KafkaCluster {
  private dir = '';
  private nodes: KafkaNode[] = [];

  get brokers(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  async start(): Promise<void> {
    if (!existsSync(KAFKA_LIB)) {
      throw new Error(`${KAFKA_LIB} is missing: run deploy/local/infra.sh up (npm test does)`);
    }
    this.dir = scratchDir('kafka');
    for (let id = 1; id <= 3; id++) {
      this.nodes.push({
        id,
        port: await freePort(),
        controllerPort: await freePort(),
        props: join(this.dir, `node-${id}.properties`),
        log: join(this.dir, `node-${id}.log`),
        child: null,
      });
    }
    const voters = this.nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(',');
    for (const node of this.nodes) {
      writeFileSync(
        node.props,
        [
          'process.roles=broker,controller',
          `node.id=${node.id}`,
          `controller.quorum.voters=${voters}`,
          `listeners=PLAINTEXT://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
          `advertised.listeners=PLAINTEXT://127.0.0.1:${node.port}`,
          'controller.listener.names=CONTROLLER',
          'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
          'inter.broker.listener.name=PLAINTEXT',
          `log.dirs=${join(this.dir, `data-${node.id}`)}`,
          'auto.create.topics.enable=false',
          'num.partitions=3',
          'default.replication.factor=3',
          'min.insync.replicas=2',
          'offsets.topic.replication.factor=3',
          'transaction.state.log.replication.factor=3',
          'transaction.state.log.min.isr=2',
          'group.initial.rebalance.delay.ms=0',
          // A dead broker is noticed quickly (defaults: 9 s session, 18 s fencing).
          'broker.session.timeout.ms=6000',
          'broker.heartbeat.interval.ms=1000',
          '',
        ].join('\n'),
      );
    }
    const clusterId =
      this.java(['kafka.tools.StorageTool', 'random-uuid']).trim().split('\n').pop() ?? '';
    for (const node of this.nodes) {
      this.java(['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', node.props]);
    }
    await Promise.all(this.nodes.map((n) => this.launch(n)));
    await this.waitForBrokers(3);
  }

  /** The broker that leads the most partitions of `topics` (killing it moves the most). */
  async busiestLeader(topics: string[]): Promise<number> {
    const admin = this.admin();
    await admin.connect();
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const counts = new Map<number, number>();
      for (const t of metadata)
        for (const p of t.partitions) counts.set(p.leader, (counts.get(p.leader) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    } finally {
      await admin.disconnect();
    }
  }

  /** SIGKILL a broker (and controller): no controlled shutdown, no flush. */
  async kill9(id: number): Promise<void> {
    const node = this.node(id);
    const child = node.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    node.child = null;
  }

  /**
   * Starts a killed broker again. After kill -9 it recovers its unflushed log segments first: with
   * the gigabyte or so `npm run chaos` writes, on a busy machine, that took over 90 s.
   */
  async restart(id: number, timeoutMs = 300_000): Promise<void> {
    await this.launch(this.node(id));
    await this.waitForBrokers(3, timeoutMs);
  }

  /** Every partition of `topics` has its full replica set in sync again. */
  async fullyReplicated(topics: string[], timeoutMs = 120_000): Promise<void> {
    await eventually(
      async () => {
        const admin = this.admin();
        await admin.connect();
        try {
          const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
          const short = metadata.flatMap((t) =>
            t.partitions.filter((p) => p.isr.length < 3).map((p) => `${t.name}/${p.partitionId}`),
          );
          if (short.length > 0) throw new Error(`under-replicated: ${short.join(', ')}`);
        } finally {
          await admin.disconnect();
        }
      },
      { timeoutMs, intervalMs: 500 },
    );
  }

  async stop(): Promise<void> {
    for (const node of this.nodes) await this.kill9(node.id);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.nodes = [];
    this.dir = '';
  }

  private node(id: number): KafkaNode {
    const node = this.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no broker ${id}`);
    return node;
  }

  private admin() {
    return new Kafka({
      clientId: 'fault-cluster',
      brokers: this.brokers.split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
  }

  private java(args: string[]): string {
    return execFileSync(
      'java',
      [
        '-Xmx256m',
        `-Dlog4j.configuration=file:${join(WORKSPACE_ROOT, 'deploy/local/kafka/tools-log4j.properties')}`,
        '-cp',
        `${KAFKA_LIB}/*`,
        ...args,
      ],
      { encoding: 'utf8' },
    );
  }

  private async launch(node: KafkaNode): Promise<void> {
    const fd = openSync(node.log, 'a');
    try {
      node.child = spawn(
        'java',
        [
          '-Xms128m',
          '-Xmx384m',
          '-XX:+UseG1GC',
          '-Djava.awt.headless=true',
          `-Dlog4j.configuration=file:${join(WORKSPACE_ROOT, 'deploy/local/kafka/log4j.properties')}`,
          `-Dkafka.logs.dir=${this.dir}`,
          '-cp',
          `${KAFKA_LIB}/*`,
          'kafka.Kafka',
          node.props,
        ],
        { stdio: ['ignore', fd, fd] },
      );
    } finally {
      closeSync(fd);
    }
  }

  private async waitForBrokers(count: number, timeoutMs = 90_000): Promise<void> {
    let exited: string | null = null;
    await eventually(
      async () => {
        const dead = this.nodes.filter((n) => n.child && n.child.exitCode !== null);
        if (dead.length > 0) {
          // A broker that exited does not come back by waiting: stop and say why.
          exited = dead
            .map((n) => `broker ${n.id} exited; the end of ${n.log}:\n${tail(n.log)}`)
            .join('\n');
          return;
        }
        const admin = this.admin();
        await admin.connect();
        try {
          const { brokers } = await admin.describeCluster();
          if (brokers.length < count) {
            // The log goes with the cluster's directory at the end: say now what a broker did.
            const up = new Set(brokers.map((b) => b.nodeId));
            const missing = this.nodes.filter((n) => !up.has(n.id));
            throw new Error(
              `${brokers.length} of ${count} brokers up; ` +
                missing.map((n) => `the end of broker ${n.id}'s log:\n${tail(n.log)}`).join('\n'),
            );
          }
        } finally {
          await admin.disconnect();
        }
      },
      { timeoutMs, intervalMs: 500 },
    );
    if (exited) throw new Error(exited);
  }
}
