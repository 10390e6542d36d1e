/** A source record left out of the computation, with why. Written back unchanged by `--rejects`. */
export interface Reject {
  file: string;
  line: number;
  reason: string;
  raw: string;
}
