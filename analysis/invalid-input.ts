/**
 * Invalid input: a bad scenario, a bad override, a bad argument. `main()` prints its lines on
 * standard error, prints nothing on standard output and exits with status 2 (RESULT.md).
 */
export class InvalidInput extends Error {
  readonly lines: string[];

  constructor(lines: string | string[]) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.name = 'InvalidInput';
    this.lines = list;
  }
}
