import { describe, expect, test } from 'vitest';
import { ALLOCATOR_ENV, tuneAllocator } from '../../src/site/allocator.ts';

describe('tuneAllocator', () => {
  test('should have mimalloc return freed pages at once', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin' };
    tuneAllocator(env);
    expect(env).toEqual({ PATH: '/usr/bin', MIMALLOC_PURGE_DELAY: '0' });
    expect(ALLOCATOR_ENV).toEqual({ MIMALLOC_PURGE_DELAY: '0' });
  });

  test('should keep a setting the user made', () => {
    const env: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: '10' };
    tuneAllocator(env);
    expect(env).toEqual({ MIMALLOC_PURGE_DELAY: '10' });
  });
});
