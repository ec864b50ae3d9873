/** A progress bar on stderr while pages convert: shown in a terminal, silent in CI or a pipe. */
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

/** True when stderr is a terminal and the `CI` variable is not set (to anything but false/0). */
export function progressWanted(): boolean {
  const ci = process.env['CI'];
  const inCi = ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
  // Typed boolean, but undefined when stderr is a pipe or a file.
  return (process.stderr.isTTY as boolean | undefined) === true && !inCi;
}

export function startProgress(total: number, enabled: boolean): Progress {
  if (!enabled) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: '{bar} {value}/{total} pages  {file}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    tick: (label) => {
      bar.increment({ file: label });
    },
    stop: () => {
      bar.stop();
    },
  };
}
