import fc from 'fast-check';
import { Readable } from 'node:stream';
import {
  CSV_UTF8_BOM,
  CsvEncodingError,
  CsvParser,
  CsvSyntaxError,
  decodeCsvBytes,
  detectDelimiter,
  iterateCsvRecords,
  parseCsv,
  writeCsvRow,
} from './csv';

describe('parseCsv', () => {
  it('reads plain records', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('ends records at CRLF, LF or a lone CR', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\r1\n2\r\n3')).toEqual([['a'], ['1'], ['2'], ['3']]);
  });

  it('reads quoted fields with delimiters, "" escapes and line breaks', () => {
    const text =
      'so,ten\r\n"15/2018/NĐ-CP","Nghị định ""quy định chi tiết"", một số điều\r\nLuật ATTP"\r\n';
    expect(parseCsv(text)).toEqual([
      ['so', 'ten'],
      ['15/2018/NĐ-CP', 'Nghị định "quy định chi tiết", một số điều\r\nLuật ATTP'],
    ]);
    expect(parseCsv('"a\nb",c\n')).toEqual([['a\nb', 'c']]);
    expect(parseCsv('""\n""""\n"",""')).toEqual([[''], ['"'], ['', '']]);
  });

  it('keeps empty fields and blank lines', () => {
    expect(parseCsv('a,,c\n,\n\nx')).toEqual([['a', '', 'c'], ['', ''], [''], ['x']]);
    expect(parseCsv('a,b,\n')).toEqual([['a', 'b', '']]);
  });

  it('is lenient with stray quotes, as Excel is', () => {
    expect(parseCsv('ab"c,d\n')).toEqual([['ab"c', 'd']]);
    expect(parseCsv('"ab"c,d\n')).toEqual([['abc', 'd']]);
    expect(parseCsv(' "a",b\n')).toEqual([[' "a"', 'b']]);
  });

  it('refuses an unterminated quoted field, naming its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\r\nx,"y\r\nz"\r\n1,"open\r\n2,3\r\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(4);
      expect((e as Error).message).toBe(
        'a quoted field that starts on line 4 is never closed (a " is missing)',
      );
    }
    expect.assertions(3);
  });

  it('uses semicolons and tabs', () => {
    expect(parseCsv('a;b\n"1;2";3', ';')).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('detectDelimiter', () => {
  it('chooses from the header line, ignoring quoted text and later lines', () => {
    expect(detectDelimiter('Số hiệu văn bản;Loại văn bản;Cơ quan ban hành\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('a,b,c\n;;;;;')).toBe(',');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('"x,y";z;w\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('CsvParser (incremental)', () => {
  const text = 'a,"b\r\nc",d\r\n"e""f",g\r\nh,i';
  const expected = [
    ['a', 'b\r\nc', 'd'],
    ['e"f', 'g'],
    ['h', 'i'],
  ];

  it('gives the same records however the text is split', () => {
    for (let size = 1; size <= text.length; size++) {
      const parser = new CsvParser(',');
      const records: string[][] = [];
      for (let i = 0; i < text.length; i += size)
        records.push(...parser.push(text.slice(i, i + size)));
      records.push(...parser.end());
      expect(records).toEqual(expected);
    }
  });

  it('does not split CRLF across chunks into two records', () => {
    const parser = new CsvParser(',');
    const records = [
      ...parser.push('a,b\r'),
      ...parser.push('\n1,2\r'),
      ...parser.push('\n'),
      ...parser.end(),
    ];
    expect(records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with or without BOM', () => {
    expect(decodeCsvBytes(Buffer.from('Số hiệu,x', 'utf8'))).toBe('Số hiệu,x');
    expect(decodeCsvBytes(Buffer.from(`${CSV_UTF8_BOM}Số hiệu,x`, 'utf8'))).toBe('Số hiệu,x');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Số\thiệu', 'utf16le')]);
    expect(decodeCsvBytes(le)).toBe('Số\thiệu');
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('Số\thiệu');
  });

  it('refuses other encodings instead of guessing', () => {
    // "Số" in Windows-1258 is not valid UTF-8.
    expect(() => decodeCsvBytes(Buffer.from([0x53, 0xf4, 0xd2, 0x2c, 0x78]))).toThrow(
      CsvEncodingError,
    );
    expect(() => decodeCsvBytes(Buffer.from([0x53, 0xf4]))).toThrow('save it as "CSV UTF-8');
  });
});

describe('iterateCsvRecords', () => {
  it('streams records from byte chunks, multi-byte characters split between chunks', async () => {
    const bytes = Buffer.from(
      `${CSV_UTF8_BOM}Số;Tên\r\n"15/2018/NĐ-CP";"Nghị định\nmới"\r\n1661/QĐ-TTg;x`,
      'utf8',
    );
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.subarray(i, i + 3));
    const records: string[][] = [];
    for await (const r of iterateCsvRecords(Readable.from(chunks))) records.push(r);
    expect(records).toEqual([
      ['Số', 'Tên'],
      ['15/2018/NĐ-CP', 'Nghị định\nmới'],
      ['1661/QĐ-TTg', 'x'],
    ]);
  });

  it('handles a one-line file without newline, and an empty one', async () => {
    const collect = async (chunks: (string | Buffer)[]) => {
      const out: string[][] = [];
      for await (const r of iterateCsvRecords(Readable.from(chunks))) out.push(r);
      return out;
    };
    expect(await collect(['a;b'])).toEqual([['a', 'b']]);
    expect(await collect([])).toEqual([]);
    await expect(collect([Buffer.from([0xff, 0x41])])).rejects.toThrow(CsvEncodingError);
  });
});

describe('writeCsvRow', () => {
  it('writes CRLF-terminated records, quoting only where needed', () => {
    expect(writeCsvRow(['15/2018/NĐ-CP', 'Chính phủ', 12, null, undefined])).toBe(
      '15/2018/NĐ-CP,Chính phủ,12,,\r\n',
    );
    expect(writeCsvRow(['a,b', 'say "hi"', 'x\ny', ' pad', 'r\r'])).toBe(
      '"a,b","say ""hi""","x\ny"," pad","r\r"\r\n',
    );
    expect(writeCsvRow(['a;b', 'c,d'], { delimiter: ';' })).toBe('"a;b";c,d\r\n');
    expect(writeCsvRow([NaN, Infinity, -1.5])).toBe(',,-1.5\r\n');
    expect(writeCsvRow([])).toBe('\r\n');
  });

  it('neutralises spreadsheet formulas in text, not in numbers', () => {
    expect(writeCsvRow(['=HYPERLINK("x")', '+1', '-a', '@SUM(A1)', -5])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'-a,'@SUM(A1),-5\r\n`,
    );
    expect(writeCsvRow(['=1+1'], { escapeFormulas: false })).toBe('=1+1\r\n');
  });

  it('round-trips through parseCsv for any text (formula escaping off)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.constantFrom(',', ';', '\t') as fc.Arbitrary<',' | ';' | '\t'>,
        (rows, delimiter) => {
          // A record of one empty field is written as an empty line, read back as [''].
          const text = rows
            .map((r) => writeCsvRow(r, { delimiter, escapeFormulas: false }))
            .join('');
          expect(parseCsv(text, delimiter)).toEqual(rows);
        },
      ),
    );
  });
});
