/** Network fixtures: an address nothing listens on, for "wrong apiUrl" tests. */
import { createServer } from 'node:net';

/** `http://127.0.0.1:<port>` of a port that was free a moment ago and is closed again: connecting to it is refused. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
