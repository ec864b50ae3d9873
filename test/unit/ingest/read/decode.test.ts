import { describe, expect, test } from 'vitest';
import { decodeBytes, DecodeError } from '../../../../src/ingest/read/decode.ts';

const utf16le = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

function failure(bytes: Uint8Array): { message: string; line: number | undefined } {
  try {
    decodeBytes(bytes);
  } catch (error) {
    if (error instanceof DecodeError) return { message: error.message, line: error.line };
    throw error;
  }
  throw new Error('decoded without error');
}

describe('decodeBytes', () => {
  test('should read UTF-8 without a byte order mark', () => {
    expect(decodeBytes(Buffer.from('□记者 王小明\n本报讯 30日，'))).toEqual({
      text: '□记者 王小明\n本报讯 30日，',
      encoding: 'utf-8',
    });
  });

  test('should read UTF-8 with a byte order mark and drop the mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('本报讯\n')]);
    expect(decodeBytes(bytes)).toEqual({ text: '本报讯\n', encoding: 'utf-8-bom' });
  });

  test('should read UTF-16 LE and BE with their byte order marks', () => {
    expect(decodeBytes(utf16le('本报讯 20日\r\n𠀀'))).toEqual({
      text: '本报讯 20日\n𠀀',
      encoding: 'utf-16le',
    });
    expect(decodeBytes(utf16be('本报讯 20日\r\n𠀀'))).toEqual({
      text: '本报讯 20日\n𠀀',
      encoding: 'utf-16be',
    });
  });

  test('should read GBK and four-byte GB18030 sequences as gb18030', () => {
    // 你好 (C4E3 BAC3) CRLF 本报讯 (B1BE B1A8 D1B6) CR 𠀀 (95 32 82 36, four bytes) LF
    const bytes = Buffer.from([
      0xc4, 0xe3, 0xba, 0xc3, 0x0d, 0x0a, 0xb1, 0xbe, 0xb1, 0xa8, 0xd1, 0xb6, 0x0d, 0x95, 0x32,
      0x82, 0x36, 0x0a,
    ]);
    expect(decodeBytes(bytes)).toEqual({ text: '你好\n本报讯\n𠀀\n', encoding: 'gb18030' });
  });

  test('should turn CRLF and lone CR line ends into LF', () => {
    expect(decodeBytes(Buffer.from('一\r\n二\r三\n\r\n四\r')).text).toBe('一\n二\n三\n\n四\n');
  });

  test('should refuse an empty file, and a file that is only a byte order mark', () => {
    expect(failure(new Uint8Array())).toEqual({ message: 'empty file', line: undefined });
    expect(failure(Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({
      message: 'empty file (byte order mark only)',
      line: undefined,
    });
  });

  test('should refuse NUL bytes, naming their line', () => {
    expect(failure(Buffer.from('第一行\r\n第二行\n第三\0行\n'))).toEqual({
      message: 'contains NUL bytes: a binary file, or UTF-16 without a byte order mark',
      line: 3,
    });
  });

  test('should refuse UTF-16 without a byte order mark as NUL bytes', () => {
    expect(failure(Buffer.from('abc', 'utf16le')).message).toMatch(/^contains NUL bytes/);
  });

  test('should refuse NUL characters in UTF-16 text', () => {
    expect(failure(utf16le('一\n二\0'))).toEqual({
      message: 'contains NUL characters: a binary file',
      line: 2,
    });
  });

  test('should refuse UTF-8 with a damaged byte instead of reading it as GB18030', () => {
    const good = Buffer.from('本报讯 20日，全市小微企业园建设工作汇报会召开。\n会议强调');
    const bytes = Buffer.concat([good, Buffer.from([0xff]), Buffer.from('，各镇街区\n')]);
    expect(failure(bytes)).toEqual({ message: 'not valid UTF-8 (a damaged byte)', line: 2 });
  });

  test('should refuse bytes that no supported encoding decodes', () => {
    const bytes = Buffer.from([0x41, 0x0a, 0xff, 0xfe ^ 0x01, 0x80, 0xff, 0x81, 0x0a]);
    expect(failure(bytes)).toEqual({
      message: 'not text: neither UTF-8 nor GB18030, and no UTF-16 byte order mark',
      line: 2,
    });
  });

  test('should refuse text full of control characters', () => {
    expect(failure(Buffer.from('正文\n\x01\x02\x03\x04正文'))).toEqual({
      message: '4 control characters in 9: a binary file',
      line: 2,
    });
  });

  test('should refuse UTF-16 with a broken surrogate after its mark', () => {
    const bytes = Buffer.concat([utf16le('一\n二'), Buffer.from([0x3d, 0xd8])]);
    expect(failure(bytes)).toEqual({
      message: 'not valid utf-16le after its byte order mark',
      line: 2,
    });
  });
});
