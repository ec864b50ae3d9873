import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { configFile, loadConfig } from '../../src/config.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('configFile', () => {
  test('should be folio.config.json in the working directory, or $FOLIO_CONFIG', () => {
    vi.stubEnv('FOLIO_CONFIG', '');
    expect(configFile()).toBe(resolve('folio.config.json'));
    vi.stubEnv('FOLIO_CONFIG', 'configs/paper.json');
    expect(configFile()).toBe(resolve('configs/paper.json'));
  });

  test('should be the file loadConfig reads, naming it when it is invalid', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-config-')), 'paper.json');
    writeFileSync(file, JSON.stringify({ paper: '示例日报', site: 'https://example.org/' }));
    vi.stubEnv('FOLIO_CONFIG', file);
    vi.stubEnv('FOLIO_SITE', '');
    vi.stubEnv('FOLIO_BASE', '');
    expect(loadConfig()).toEqual({
      paper: '示例日报',
      lang: 'zh-CN',
      site: 'https://example.org/',
      base: '/',
    });
    writeFileSync(file, JSON.stringify({ paper: '', site: 'https://example.org/' }));
    expect(() => loadConfig()).toThrow(`${file}: invalid configuration: paper:`);
  });

  test('should take a host file limit as a positive whole number', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-config-')), 'paper.json');
    const paper = { paper: '示例日报', site: 'https://example.org/' };
    vi.stubEnv('FOLIO_CONFIG', file);
    vi.stubEnv('FOLIO_SITE', '');
    vi.stubEnv('FOLIO_BASE', '');
    writeFileSync(file, JSON.stringify({ ...paper, maxFiles: 20000 }));
    expect(loadConfig().maxFiles).toBe(20000);
    for (const maxFiles of [0, 1.5, '20000']) {
      writeFileSync(file, JSON.stringify({ ...paper, maxFiles }));
      expect(() => loadConfig()).toThrow(`${file}: invalid configuration: maxFiles:`);
    }
  });
});
