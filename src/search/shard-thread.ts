/**
 * One shard's Pagefind index, on a thread of its own with a Pagefind service of its own
 * (shard-writer.ts starts it): records arrive in order and are sent to Pagefind without waiting
 * for each answer (up to `IN_FLIGHT` at a time); `write` writes the bundle (write-bundle.ts), and
 * the thread ends once its Pagefind process has exited.
 * Pagefind's service handles one request at a time, so one shard's bundle is written while the
 * next shard's records are indexed by another service.
 */
import type { ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { refused } from './shard-writer.ts';
import { writeBundle } from './write-bundle.ts';

/** Records sent to Pagefind ahead of its answers, at most. */
const IN_FLIGHT = 64;

/** What the thread is started with. */
export interface ShardThreadData {
  /** The bundle's directory. */
  outputPath: string;
  /** The language Pagefind files the index under. */
  language: string;
  /** Fragment files of the bundle, at most (fragment-budget.ts); unset: one per article. */
  maxFragments?: number;
}

/** Messages to the thread. */
export type ShardRequest =
  /** Records in order, each with its page's file (for error messages). */
  | { type: 'records'; records: { record: CustomRecord; file: string }[] }
  /** No more records: write the bundle. */
  | { type: 'write' };

/** The thread's answer to `write`. */
export type ShardResponse = { type: 'written' } | { type: 'error'; message: string };

const port = parentPort;
if (port === null) throw new Error('shard-thread.ts runs as a worker thread');
const { outputPath, language, maxFragments } = workerData as ShardThreadData;

/**
 * Pagefind's service process, seen as it starts. Pagefind's `close()` only kills it; the thread
 * waits for it to exit, so it is reaped (and its CPU time counted) before the thread ends.
 */
const services: ChildProcess[] = [];
subscribe('child_process', (message) => {
  services.push((message as { process: ChildProcess }).process);
});

/** The first error; nothing more is indexed after it, and `write` reports it. */
let failure: string | null = null;
const pending: { file: string; added: Promise<pagefind.NewFileResponse> }[] = [];
/** The records being sent, one batch after the other. */
let sending = Promise.resolve();

const options = maxFragments === undefined ? {} : { maxFragments };
const created = pagefind.createIndex({ forceLanguage: language, ...options }).then((result) => {
  refused(result.errors, 'cannot start Pagefind');
  if (result.index === undefined) throw new Error('Pagefind returned no index');
  return result.index;
});
created.catch(() => undefined);

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Waits for the oldest unanswered records until at most `keep` are left. */
async function settle(keep: number): Promise<void> {
  while (pending.length > keep && failure === null) {
    const next = pending.shift();
    if (next === undefined) break;
    const { errors } = await next.added;
    if (errors.length > 0) failure = `${next.file}: ${errors.join('; ')}`;
  }
}

async function send(records: { record: CustomRecord; file: string }[]): Promise<void> {
  try {
    const index = await created;
    for (const { record, file } of records) {
      if (failure !== null) return;
      const added = index.addCustomRecord(record);
      // Its error is reported when its turn comes; until then it must not count as unhandled.
      added.catch(() => undefined);
      pending.push({ file, added });
      await settle(IN_FLIGHT);
    }
  } catch (error) {
    failure ??= message(error);
  }
}

async function write(): Promise<ShardResponse> {
  await sending;
  try {
    await settle(0);
    if (failure !== null) return { type: 'error', message: failure };
    await writeBundle(await created, outputPath);
    return { type: 'written' };
  } catch (error) {
    return { type: 'error', message: message(error) };
  }
}

async function closePagefind(): Promise<void> {
  await pagefind.close();
  for (const service of services) {
    if (service.exitCode !== null || service.signalCode !== null) continue;
    service.ref();
    await once(service, 'exit');
  }
}

port.on('message', (request: ShardRequest) => {
  if (request.type === 'records') {
    sending = sending.then(() => send(request.records));
    return;
  }
  void write().then(async (response) => {
    await closePagefind();
    port.postMessage(response);
    port.close();
  });
});
