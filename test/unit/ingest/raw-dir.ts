/**
 * Test helpers: a temporary raw directory made from a map of relative path → text or bytes, and
 * a directory read back as such a map.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export function makeRawDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-raw-'));
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

/** Every file under `dir`, relative path → content. */
export function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

/** A small page of the kind the converter reads, written for these tests. */
export const SAMPLE_PAGE = [
  '□记者 王小明',
  '',
  '本报讯 30日，城南社区举办春季植',
  '',
  '树活动，百余名居民参加。',
  '',
  '  居民们在公园里种下了樟树和桂',
  '',
  '花树。',
  '',
  '城南社区植树忙',
  '',
].join('\n');

export const SECOND_PAGE = [
  '■记者 李芳',
  '',
  '本报讯 1日，市图书馆新馆开放，',
  '',
  '首日接待读者三千余人次。',
  '',
  '市图书馆新馆开放',
  '',
].join('\n');
