/** The bytes of the file chosen in a file input, or null when none was chosen. */
export function readChosenFile(input: HTMLInputElement | null): Promise<Uint8Array | null> {
  const file = input?.files?.[0];
  return file ? file.arrayBuffer().then((b) => new Uint8Array(b)) : Promise.resolve(null);
}
