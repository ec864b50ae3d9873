/** A problem with one input file, reported with the file (and line, when known). */
export interface Problem {
  /** The file, as a path the user can open (the raw directory joined with the relative path). */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  message: string;
  /** A warning of a page unchanged since the last run, which listed it: not listed again. */
  unchanged?: true;
}

/** An input file that cannot be converted; the run goes on with the other files. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  /** The message without the file and line. */
  readonly detail: string;

  constructor(file: string, detail: string, line?: number) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.detail = detail;
  }

  toProblem(): Problem {
    const problem: Problem = { file: this.file, message: this.detail };
    if (this.line !== undefined) problem.line = this.line;
    return problem;
  }
}
