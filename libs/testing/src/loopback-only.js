// Preloaded into a service under test that must reach nothing but this machine (the harvester in
// its OpenAPI fuzz test: a generated source may name any URL, and a generated run would harvest
// it): `NODE_OPTIONS=--require <this file>`. Every TCP connection to a host other than a loopback
// address fails at once as ECONNREFUSED, as a closed port would, and is logged to stderr. Plain
// CommonJS: node loads it before any transform.
'use strict';
const net = require('node:net');

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|localhost)$/i;

const connect = net.Socket.prototype.connect;
/** @type {typeof net.Socket.prototype.connect} */
net.Socket.prototype.connect = function (/** @type {any[]} */ ...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options =
    typeof first === 'object' && first !== null
      ? first
      : typeof first === 'number' || /^\d+$/.test(String(first))
        ? { port: first, host: typeof args[1] === 'string' ? args[1] : 'localhost' }
        : { path: first };
  // A Unix socket (`path`) is local by definition; a TCP connection without a host goes to localhost.
  const host = options.path
    ? 'localhost'
    : String(options.host ?? 'localhost').replace(/^\[|\]$/g, '');
  if (LOOPBACK.test(host)) return connect.apply(this, /** @type {any} */ (args));
  process.stderr.write(`loopback-only: refused a connection to ${host}:${options.port}\n`);
  const error = Object.assign(
    new Error(`connect ECONNREFUSED ${host}:${options.port} (loopback-only)`),
    {
      code: 'ECONNREFUSED',
    },
  );
  process.nextTick(() => this.destroy(error));
  return this;
};
