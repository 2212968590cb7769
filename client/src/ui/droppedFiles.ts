// The files of a drop, folders included: a folder dropped from the desktop (a unit's folder of SOPs) gives every file
// inside it, its sub-folders too, through the entries API (webkitGetAsEntry) where the browser has it.

/** At most this many files are taken from dropped folders. */
const MAX_FILES = 500;

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: FileSystemEntry[] = [];
    // readEntries answers in batches until it answers an empty one.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(entries);
        else {
          entries.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function filesOf(entry: FileSystemEntry, into: File[]): Promise<void> {
  if (into.length >= MAX_FILES) return;
  if (entry.isFile) {
    into.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    return;
  }
  if (entry.isDirectory) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await filesOf(child, into);
  }
}

/** Every file dropped, the contents of dropped folders included; `folder` says whether a folder was among them. */
export async function droppedFiles(transfer: DataTransfer): Promise<{ files: File[]; folder: boolean }> {
  const entries = [...transfer.items].map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((entry) => entry === null)) return { files: [...transfer.files], folder: false };
  const files: File[] = [];
  for (const entry of entries) await filesOf(entry!, files);
  return { files, folder: entries.some((entry) => entry!.isDirectory) };
}
