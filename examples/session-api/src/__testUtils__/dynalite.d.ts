// dynalite ships no types; the tests only need its server factory.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  function dynalite(options?: { createTableMs?: number }): Server;
  export default dynalite;
}
