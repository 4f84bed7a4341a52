import { normalizeSingleLine } from '../register/domain/text';
import { searchWords } from '../register/regulations/search-text';
import { cleanLine, cleanText } from './clean-text';

describe('cleanText: one normaliser for stored text and queries', () => {
  it('removes NUL, zero-width, BOM and every bidi control; no-break spaces become spaces', () => {
    const bidi = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    expect(cleanText(`a\u0000b\u200Bc\u200Dd\uFEFFe${bidi}f\u00A0g\u202Fh`)).toBe('abcdef g h');
    expect(cleanText('invoice\u202Egpj.png')).toBe('invoicegpj.png');
  });

  it('composes Vietnamese (NFC) and keeps line breaks and tabs for multi-line text', () => {
    expect(cleanText('Thu\u0309 tu\u0323c\n\tx')).toBe('Thủ tục\n\tx');
    expect(cleanLine('  Bộ\u00A0\u00A0Y   tế\u200B ')).toBe('Bộ Y tế');
  });

  it('cleans register titles and search queries alike', () => {
    const typed = 'Thủ\u202E tục\u200B công\u00A0bố';
    expect(normalizeSingleLine(typed)).toBe('Thủ tục công bố');
    expect(searchWords(typed)).toEqual(['Thủ', 'tục', 'công', 'bố']);
    expect(searchWords('cô\u200Bng')).toEqual(['công']);
  });
});
