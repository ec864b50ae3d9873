/**
 * Number options, read one way by Folio's commands (src/cli.ts), the site's configuration
 * (astro.config.mjs: environment variables) and the benchmark's scripts (bench/): a whole number
 * written in digits, at least `least` (1 unless told), or an error that names the option and what
 * was given. `Number` alone takes `1e3`, ` 12 ` and `0x10`, and turns anything else into NaN
 * without a word.
 */

/** The whole number `value` of the setting `label`, at least `least`. */
function whole(label: string, value: string, least: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < least) {
    throw new Error(`${label} must be a whole number ≥ ${least}, not "${value}"`);
  }
  return n;
}

/** The whole number `value` of the option `--name`, at least `least`. */
export function wholeOption(name: string, value: string, least = 1): number {
  return whole(`--${name}`, value, least);
}

/**
 * The whole number of the environment variable `name`, at least `least`; `fallback` when it is
 * unset or empty.
 */
export function wholeEnv<T extends number | undefined>(
  name: string,
  fallback: T,
  least = 1,
): number | T {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : whole(name, value, least);
}

/** As `wholeOption`, for an option that may be left out (undefined stays undefined). */
export function optionalWhole(
  name: string,
  value: string | undefined,
  least = 1,
): number | undefined {
  return value === undefined ? undefined : wholeOption(name, value, least);
}
