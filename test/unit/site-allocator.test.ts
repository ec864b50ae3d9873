import { describe, expect, test } from 'vitest';
import { ALLOCATOR_ENV, allocatorEnv, tuneAllocator } from '../../src/site/allocator.ts';

describe('tuneAllocator', () => {
  test('should have mimalloc return freed pages at once, from small pages', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin' };
    tuneAllocator(env);
    expect(env).toEqual({
      PATH: '/usr/bin',
      MIMALLOC_PURGE_DELAY: '0',
      MIMALLOC_ALLOW_THP: '0',
    });
    expect(ALLOCATOR_ENV).toEqual({ MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ALLOW_THP: '0' });
  });

  test('should keep a setting the user made', () => {
    const env: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: '10' };
    tuneAllocator(env);
    expect(env).toEqual({ MIMALLOC_PURGE_DELAY: '10', MIMALLOC_ALLOW_THP: '0' });
  });

  test("should give a child build the same settings, the user's kept", () => {
    expect(allocatorEnv({ PATH: '/usr/bin' })).toEqual({
      MIMALLOC_PURGE_DELAY: '0',
      MIMALLOC_ALLOW_THP: '0',
    });
    // Set empty: mimalloc's own default, as `folio build` would keep it.
    expect(allocatorEnv({ MIMALLOC_PURGE_DELAY: '', MIMALLOC_ALLOW_THP: '1' })).toEqual({
      MIMALLOC_PURGE_DELAY: '',
      MIMALLOC_ALLOW_THP: '1',
    });
  });
});
