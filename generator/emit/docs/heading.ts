// ATX headings. Text arrives escaped and on one line; an empty heading is the bare marker, as
// prettier prints it (it drops the space after `#`).
export const heading = (level: number, text: string): string =>
  text === "" ? "#".repeat(level) : `${"#".repeat(level)} ${text}`;
