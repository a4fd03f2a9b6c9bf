/** A failed call's message: the host's error after the channel's name, named once (the host may have named it already). */
export function failureMessage(channel: string, error: string): string {
  return error.startsWith(`${channel}: `) ? error : `${channel}: ${error}`;
}
