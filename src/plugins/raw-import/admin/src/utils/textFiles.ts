/** Browser-side helpers for the files an editor picks or drops. */

/** A picked file and the name it is reported under: its path inside a picked or dropped folder, if any. */
export interface PickedFile {
  file: File;
  path: string;
}

export const isTextFileName = (name: string) => /\.txt$/i.test(name);

export const pickedFile = (file: File): PickedFile => ({
  file,
  path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name,
});

/** Splits picked files into the .txt files to import and the count of others that are left out. */
export function keepTextFiles(files: PickedFile[]): { files: PickedFile[]; ignored: number } {
  const kept = files.filter(({ file }) => isTextFileName(file.name));
  return { files: kept, ignored: files.length - kept.length };
}

async function filesOfEntry(entry: FileSystemEntry): Promise<PickedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, path: entry.fullPath.replace(/^\//, '') || file.name }];
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    const children: FileSystemEntry[] = [];
    // readEntries answers in batches (100 in Chromium) until it returns an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      children.push(...batch);
    }
    const nested = await Promise.all(children.map(filesOfEntry));
    return nested.flat();
  }
  return [];
}

/** Every file in a drop, descending into dropped folders. */
export async function filesOfDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(transfer.items ?? [])
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return Array.from(transfer.files ?? []).map(pickedFile);
  const nested = await Promise.all(entries.map(filesOfEntry));
  return nested.flat();
}
