// Stands in for mocha's globals (before, beforeEach, it) so that the README's Node example runs
// as written, without a test runner to install: ApifyJsClientTest runs
// `node mocha-globals.cjs <example file>` and reads "ok ..." / "FAIL ..." lines and the exit code.
const hooks = { before: [], beforeEach: [], tests: [] };
global.before = (fn) => hooks.before.push(fn);
global.beforeAll = global.before;
global.beforeEach = (fn) => hooks.beforeEach.push(fn);
global.it = (name, fn) => hooks.tests.push({ name, fn });

require(require('node:path').resolve(process.argv[2]));

(async () => {
  let failed = 0;
  for (const fn of hooks.before) await fn();
  for (const test of hooks.tests) {
    try {
      for (const fn of hooks.beforeEach) await fn();
      await test.fn();
      console.log(`ok ${test.name}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${test.name}: ${e && e.stack ? e.stack : e}`);
    }
  }
  console.log(`${hooks.tests.length - failed} of ${hooks.tests.length} passed`);
  process.exit(failed > 0 || hooks.tests.length === 0 ? 1 : 0);
})().catch((e) => {
  console.log(`FAIL before: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
