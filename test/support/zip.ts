import { crc32, deflateRawSync } from 'node:zlib';

/** One deflated entry of an archive, with what its headers say. */
export interface PackedEntry {
  name: string;
  packed: Buffer;
  crc: number;
  /** The uncompressed size the headers declare (a test may make them lie). */
  declaredSize: number;
}

/** Writes a ZIP of already deflated entries (local headers, central directory, end record). */
export function zipPacked(entries: readonly PackedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, packed, crc, declaredSize } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal ZIP writer (deflate), for tests that need archives: Office packages are ZIPs whose entries say what they are. */
export function zip(files: Record<string, string>): Buffer {
  return zipPacked(
    Object.entries(files).map(([name, content]) => {
      const data = Buffer.from(content, 'utf8');
      return { name, packed: deflateRawSync(data), crc: crc32(data), declaredSize: data.length };
    }),
  );
}
