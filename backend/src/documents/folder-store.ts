import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DocumentStore } from './document-store';

/** Keys are `<case id>/<document id>`, never a file name a caller chose: nothing can point outside the folder. */
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/** Files under `<data dir>/documents/<case id>/<document id>`: the default for one backend on SQLite. */
export class FolderStore implements DocumentStore {
  readonly kind = 'folder' as const;

  constructor(readonly root: string) {}

  static keyOf(instanceId: string, documentId: string): string {
    return `${instanceId}/${documentId}`;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed into place: a crash mid-write never leaves half a file under the key.
    const partial = `${path}.partial`;
    await writeFile(partial, bytes, { flag: 'wx' });
    await rename(partial, path);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a document key: ${key}`);
    return join(this.root, key);
  }
}
