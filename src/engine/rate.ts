/** Steps per second over a sliding window of recent (time, step) samples. */
export class RateMeter {
  private samples: { t: number; step: number }[] = [];

  constructor(private readonly windowMs = 3000) {}

  add(t: number, step: number): void {
    this.samples.push({ t, step });
    while (this.samples.length > 2 && t - (this.samples[0]?.t ?? t) > this.windowMs)
      this.samples.shift();
  }

  reset(): void {
    this.samples = [];
  }

  /** Steps per second across the window; 0 until two samples exist. */
  get perSecond(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.t <= first.t) return 0;
    return ((last.step - first.step) * 1000) / (last.t - first.t);
  }
}
