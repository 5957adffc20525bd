/** Network fixtures: an address nothing listens on, for "wrong apiUrl" tests. */
import { connect } from 'node:net';

/**
 * Privileged ports (below 1024) that fetch does not block as "bad ports" and no test listens on:
 * emulators listen on ephemeral ports (32768 and up on Linux). A port that was free a moment ago
 * would not do: while a client retries against it, another test process running alongside can
 * be given it for its own emulator, which then answers (with "bad credentials").
 */
const CANDIDATES = [2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 24, 26, 27, 28, 29, 30];

/** Whether connecting to `port` on 127.0.0.1 is refused at once. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });
}

/** `http://127.0.0.1:<port>` of a port nothing listens on and no test will: connecting to it is refused. */
export async function closedPort(): Promise<string> {
  for (const port of CANDIDATES) if (await refused(port)) return `http://127.0.0.1:${port}`;
  throw new Error(`no closed port among ${CANDIDATES.join(', ')} on 127.0.0.1`);
}
