/** Field paths as the API names them: "title", "activities[0].hours", "target.field". */
export type FieldPath = string;

export function splitPath(path: FieldPath): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad field path ${path}`);
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function getPath(obj: unknown, path: FieldPath): unknown {
  let cur: any = obj;
  for (const key of splitPath(path)) {
    if (cur === null || cur === undefined) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** A copy of obj with the value at path replaced (arrays and objects copied along the path). */
export function setPath<T>(obj: T, path: FieldPath, value: unknown): T {
  const keys = splitPath(path);
  const write = (cur: any, i: number): any => {
    if (i === keys.length) return value;
    const key = keys[i];
    const base = Array.isArray(cur)
      ? [...cur]
      : cur && typeof cur === 'object'
        ? { ...cur }
        : typeof key === 'number'
          ? []
          : {};
    base[key] = write(base[key], i + 1);
    return base;
  };
  return write(obj, 0);
}
