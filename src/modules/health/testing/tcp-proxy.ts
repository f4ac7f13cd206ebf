// Tests only: a TCP proxy in front of PostgreSQL that a test can take down (connections dropped, port
// closed, like a database restart), bring back, or turn into a server that accepts and never answers.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every connection and stops listening: connecting is refused. */
  down(): Promise<void>;
  /** Listens again on the same port and forwards. */
  up(): Promise<void>;
  /** Drops every connection; new ones are accepted and then get no answer at all. */
  hang(): void;
  stop(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let forwarding = true;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const server = net.createServer((client) => {
    track(client);
    client.on('error', () => client.destroy());
    if (!forwarding) return;
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    upstream.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    dropAll();
  });
  await listen(0);
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    down: close,
    up: () => {
      forwarding = true;
      return listen(port);
    },
    hang: () => {
      forwarding = false;
      dropAll();
    },
    stop: () => (server.listening ? close() : Promise.resolve()),
  };
}
