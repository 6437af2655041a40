// A strict RFC 4180 reader for tests of the CSV export: quoted fields with doubled quotes, commas and
// line breaks inside quotes, CRLF record ends. Throws on anything a conforming writer would not produce.

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      continue;
    }
    if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      endField();
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    if (ch === '\n') throw new Error(`bare LF at ${i} (records end with CRLF)`);
    field += ch;
    i++;
  }
  if (field !== '' || record.length) throw new Error('last record does not end with CRLF');
  return records;
}

/** Records as objects keyed by the header record. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => {
    if (row.length !== header.length)
      throw new Error(`record has ${row.length} fields, header ${header.length}: ${row.join('|')}`);
    return Object.fromEntries(header.map((h, i) => [h, row[i]]));
  });
}
