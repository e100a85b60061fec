// Runs dynalite in its own process so the benchmark's DynamoDB does not share
// an event loop with the load generator; prints its port as one JSON line.
const dynalite = require('dynalite');

const server = dynalite({ createTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
