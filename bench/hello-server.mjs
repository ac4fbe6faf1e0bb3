// The yardstick of `npm run bench:http`: a Fastify hello-world route, in its own
// process like the server it is compared with. Prints its URL on stdout.
//   node bench/hello-server.mjs
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${url}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
