import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';

export type ProcessSpec = {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** The readiness probe's HTTP path; without one, the process is ready once its port accepts connections. */
  readinessPath?: string;
  probePeriodMs: number;
  initialDelayMs: number;
};

/**
 * One "pod" of a Deployment: a child process on a free local port, restarted with back-off when
 * it exits (CrashLoopBackOff), and probed for readiness like the kubelet does.
 */
export class LocalProcess {
  ready = false;
  restarts = 0;
  #child?: ChildProcess;
  #probeTimer?: NodeJS.Timeout;
  #restartTimer?: NodeJS.Timeout;
  #stopped = false;

  constructor(
    readonly port: number,
    private readonly spec: ProcessSpec,
    private readonly onChange: () => void,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: { ...process.env, ...this.spec.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    const prefix = `[pod :${this.port}]`;
    child.stdout?.on('data', d => this.log(`${prefix} ${String(d).trimEnd()}`));
    child.stderr?.on('data', d => this.log(`${prefix} ${String(d).trimEnd()}`));
    child.on('error', error =>
      this.log(`${prefix} failed to start: ${error.message}`),
    );
    child.on('exit', code => {
      this.#setReady(false);
      clearTimeout(this.#probeTimer);
      if (this.#stopped) return;
      this.restarts++;
      const backoff = Math.min(10_000, 500 * 2 ** Math.min(this.restarts, 5));
      this.log(`${prefix} exited with ${code}; restarting in ${backoff} ms`);
      this.#restartTimer = setTimeout(() => this.start(), backoff);
    });
    this.#probeTimer = setTimeout(
      () => this.#probe(),
      this.spec.initialDelayMs,
    );
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#probeTimer);
    clearTimeout(this.#restartTimer);
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>(resolve => {
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  async #probe(): Promise<void> {
    if (this.#stopped) return;
    const ok = this.spec.readinessPath
      ? await httpOk(this.port, this.spec.readinessPath)
      : await tcpOpen(this.port);
    this.#setReady(ok);
    if (!this.#stopped && this.#child?.exitCode === null)
      this.#probeTimer = setTimeout(
        () => this.#probe(),
        this.spec.probePeriodMs,
      );
  }

  #setReady(ready: boolean): void {
    if (this.ready === ready) return;
    this.ready = ready;
    this.onChange();
  }
}

function httpOk(port: number, path: string): Promise<boolean> {
  return new Promise(resolve => {
    const req = http.get(
      { host: '127.0.0.1', port, path, timeout: 1000 },
      res => {
        res.resume();
        resolve(
          (res.statusCode ?? 500) >= 200 && (res.statusCode ?? 500) < 400,
        );
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
