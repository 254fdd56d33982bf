// End-to-end tests start service processes (a few seconds each) and crash them on purpose.
jest.setTimeout(120_000);
