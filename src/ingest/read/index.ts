export { decodeBytes, DecodeError, encodings, type Decoded, type Encoding } from './decode.ts';
export { locatePages, type Located, type RawSource } from './locate.ts';
export { readManifest, type Manifest, type ManifestEntry } from './manifest.ts';
export { DEFAULT_MAX_PAGE_BYTES, readPage, type RawPage } from './read-page.ts';
export { InputError, type Problem } from './problem.ts';
