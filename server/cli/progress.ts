// Progress for long work in a terminal: a spinner with a message, or a bar with count, rate
// and time left. Without a TTY (CI, logs) it prints plain lines, a few per task.

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Progress {
  /** Replaces the spinner's message. */
  text(message: string): void;
  /** Shows a bar: done of total, with the rate in `unit`s per second. */
  count(done: number, total: number, unit: string): void;
  succeed(message: string): void;
  fail(message: string): void;
}

export function progress(initial: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  const started = Date.now();
  let message = initial;
  let frame = 0;
  let lastPlain = 0;
  const render = () => {
    if (!tty) return;
    stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${message}`);
  };
  const timer = tty ? setInterval(render, 100) : null;
  timer?.unref();
  if (!tty) stream.write(`… ${initial}\n`);
  const stop = (symbol: string, final: string) => {
    if (timer) clearInterval(timer);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stream.write(`${tty ? '\r\x1b[2K' : ''}${symbol} ${final} (${seconds} s)\n`);
  };
  return {
    text(m) {
      message = m;
      if (!tty && Date.now() - lastPlain > 5000) {
        lastPlain = Date.now();
        stream.write(`… ${m}\n`);
      }
    },
    count(done, total, unit) {
      const elapsed = Math.max(0.001, (Date.now() - started) / 1000);
      const rate = done / elapsed;
      const left = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      this.text(
        `${bar} ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit} · ${Math.round(rate).toLocaleString('en')}/s · ${left.toFixed(0)} s left`,
      );
    },
    succeed: (m) => stop('✔', m),
    fail: (m) => stop('✖', m),
  };
}
