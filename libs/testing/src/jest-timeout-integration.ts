// Integration tests talk to real servers: give them room, without hiding hangs.
jest.setTimeout(30_000);
