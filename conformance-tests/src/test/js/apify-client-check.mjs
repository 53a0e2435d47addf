// Runs Apify's own JavaScript client (apify-client from npm, unchanged) against a server, the way a
// user would, and checks that each answer is what the vendor documents for that call.
//
//   node apify-client-check.mjs <baseUrl> <token>
//
// Every call is tried and reported on its own line ("ok" or "FAIL"); a call whose setup failed
// fails too. The exit code is 0 when every call passed, else 1, and the last line names the first
// call that failed. Names get a per-run suffix, so the script may run again against one server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ApifyClient } from 'apify-client';

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
    console.error('usage: node apify-client-check.mjs <baseUrl> <token>');
    process.exit(2);
}

const clientVersion = JSON.parse(
    readFileSync(new URL('./node_modules/apify-client/package.json', import.meta.url), 'utf8'),
).version;

// The user's client, and an anonymous one (no token at all). Few, quick retries: a 5xx here is a
// server bug to report, not a hiccup to wait out.
const retries = { maxRetries: 1, minDelayBetweenRetriesMillis: 50, timeoutSecs: 20 };
const client = new ApifyClient({ baseUrl, token, ...retries });
const anonymous = new ApifyClient({ baseUrl, ...retries });

const run = Date.now().toString(36);
const unique = (prefix) => `${prefix}-${run}-${Math.random().toString(36).slice(2, 7)}`;

const results = [];
async function call(name, body) {
    try {
        const value = await body();
        results.push({ name, ok: true });
        console.log(`ok   ${name}`);
        return value;
    } catch (err) {
        const why = err?.statusCode
            ? `${err.statusCode} ${err.type}: ${err.message}`
            : (err?.message ?? String(err)).split('\n').slice(0, 6).join(' | ');
        results.push({ name, ok: false, why });
        console.log(`FAIL ${name}: ${why}`);
        return undefined;
    }
}

/** Runs {@code promise} that must be rejected with the vendor's error of this status and type. */
async function rejects(promise, statusCode, type) {
    let error;
    try {
        await promise;
    } catch (err) {
        error = err;
    }
    assert.ok(error, `expected ${statusCode} ${type}, but the call succeeded`);
    assert.equal(error.statusCode, statusCode, `status of "${error.message}"`);
    assert.equal(error.type, type, `type of "${error.message}"`);
}

const sourceVersion = (versionNumber, buildTag) => ({
    versionNumber,
    sourceType: 'SOURCE_FILES',
    buildTag,
    sourceFiles: [{ name: 'main.js', format: 'TEXT', content: "console.log('hello');" }],
});

// ---- Actors: the fixture of everything below ------------------------------------------------
const actor = await call('actors().create() with one version', async () => {
    const created = await client.actors().create({
        name: unique('js-check'),
        versions: [sourceVersion('0.1', 'latest')],
    });
    assert.match(created.id, /^\w{17}$/);
    assert.equal(created.versions.length, 1);
    assert.equal(created.defaultRunOptions.build, 'latest');
    return created;
});
const actorId = actor?.id ?? 'no-actor';
const actorClient = client.actor(actorId);

// ---- Tasks and task input -------------------------------------------------------------------
const task = await call('tasks().create()', async () => {
    const created = await client.tasks().create({
        actId: actorId,
        name: unique('js-task'),
        input: { query: 'shoes', maxItems: 10 },
        options: { memoryMbytes: 1024, build: 'latest' },
    });
    assert.equal(created.actId, actorId);
    assert.equal(created.options.memoryMbytes, 1024);
    return created;
});
const taskClient = client.task(task?.id ?? 'no-task');
await call('task(id).get()', async () => {
    const got = await taskClient.get();
    assert.equal(got?.id, task.id);
    assert.equal(got.name, task.name);
});
await call('tasks().list()', async () => {
    const page = await client.tasks().list({ desc: true });
    assert.ok(page.items.some((t) => t.id === task.id), 'the new task is listed');
    assert.equal(page.count, page.items.length);
});
await call('task(id).getInput()', async () => {
    assert.deepEqual(await taskClient.getInput(), { query: 'shoes', maxItems: 10 });
});
await call('task(id).updateInput() merges', async () => {
    // The vendor: properties the object does not define keep their values.
    const input = await taskClient.updateInput({ maxItems: 20 });
    assert.deepEqual(input, { query: 'shoes', maxItems: 20 });
    assert.deepEqual(await taskClient.getInput(), { query: 'shoes', maxItems: 20 });
});
await call('task(id).update() a title and one option', async () => {
    const updated = await taskClient.update({ title: 'Shoes', options: { timeoutSecs: 60 } });
    assert.equal(updated.title, 'Shoes');
    assert.equal(updated.options.timeoutSecs, 60);
    assert.equal(updated.options.memoryMbytes, 1024, 'an option not sent is kept');
    assert.equal(updated.options.build, 'latest', 'an option not sent is kept');
});
await call('task(id).delete()', async () => {
    await taskClient.delete();
    assert.equal(await taskClient.get(), undefined);
});

// ---- Versions -------------------------------------------------------------------------------
await call('actor(id).versions().list()', async () => {
    const list = await actorClient.versions().list();
    assert.equal(list.total, 1);
    assert.deepEqual(
        list.items.map((v) => v.versionNumber),
        ['0.1'],
    );
    assert.equal(list.items[0].sourceType, 'SOURCE_FILES');
});
await call('actor(id).versions().create()', async () => {
    const created = await actorClient.versions().create({
        versionNumber: '0.2',
        sourceType: 'GIT_REPO',
        gitRepoUrl: 'https://github.com/janedoe/my-actor',
        buildTag: 'beta',
        envVars: [
            { name: 'API_KEY', value: 'secret-value', isSecret: true },
            { name: 'MODE', value: 'fast', isSecret: false },
        ],
    });
    assert.equal(created.versionNumber, '0.2');
    assert.equal(created.sourceType, 'GIT_REPO');
    assert.equal(created.gitRepoUrl, 'https://github.com/janedoe/my-actor');
    const secret = created.envVars.find((e) => e.name === 'API_KEY');
    assert.equal(secret.isSecret, true);
    assert.equal(secret.value, undefined, 'a secret value is never sent back');
    assert.equal(created.envVars.find((e) => e.name === 'MODE').value, 'fast');
    assert.equal((await actorClient.versions().list()).total, 2);
});
await call("actor(id).version('0.2').get()", async () => {
    const got = await actorClient.version('0.2').get();
    assert.equal(got?.versionNumber, '0.2');
    assert.equal(got.buildTag, 'beta');
    assert.equal(await actorClient.version('9.9').get(), undefined, 'a missing version');
});
await call("actor(id).version('0.2').update() in part", async () => {
    const updated = await actorClient.version('0.2').update({ buildTag: 'next' });
    assert.equal(updated.buildTag, 'next');
    assert.equal(updated.sourceType, 'GIT_REPO', 'absent properties are kept');
    assert.equal(updated.gitRepoUrl, 'https://github.com/janedoe/my-actor');
    assert.deepEqual(updated.envVars.map((e) => e.name).sort(), ['API_KEY', 'MODE']);
    assert.equal((await actorClient.version('0.2').get()).buildTag, 'next');
});
await call("actor(id).version('0.2').delete()", async () => {
    await actorClient.version('0.2').delete();
    assert.equal(await actorClient.version('0.2').get(), undefined);
    assert.equal((await actorClient.versions().list()).total, 1);
});

// ---- Builds ---------------------------------------------------------------------------------
const build = await call("actor(id).build('0.1')", async () => {
    const created = await actorClient.build('0.1', { waitForFinish: 60 });
    assert.match(created.id, /^\w{17}$/);
    assert.equal(created.actId, actorId);
    assert.equal(created.status, 'SUCCEEDED');
    assert.equal(created.buildNumber, '0.1.1');
    return created;
});
const otherBuild = await call("actor(id).build('0.1', {tag})", async () => {
    const created = await actorClient.build('0.1', { tag: 'old' });
    assert.equal(created.buildNumber, '0.1.2');
    return created;
});
await call('actor(id).defaultBuild()', async () => {
    // The default build is the one defaultRunOptions.build ('latest') names.
    const buildClient = await actorClient.defaultBuild();
    assert.equal(buildClient.id, build.id);
    const got = await buildClient.get();
    assert.equal(got.id, build.id);
    assert.equal(got.status, 'SUCCEEDED');
});
await call('builds().list()', async () => {
    const page = await client.builds().list({ desc: true });
    const ids = page.items.map((b) => b.id);
    assert.ok(ids.includes(build.id) && ids.includes(otherBuild.id), 'both builds are listed');
    assert.equal(page.count, page.items.length);
    assert.equal(page.desc, true);
    assert.ok(page.total >= 2);
});
await call('build(id).delete()', async () => {
    await client.build(otherBuild.id).delete();
    assert.equal(await client.build(otherBuild.id).get(), undefined);
    // The default build cannot be deleted.
    await rejects(client.build(build.id).delete(), 400, 'deleting-default-build');
    assert.equal((await client.build(build.id).get()).id, build.id);
});

// ---- Anonymous reads of a public Actor ------------------------------------------------------
await call('anonymous actor(id).get() of a private Actor is refused', async () => {
    await rejects(anonymous.actor(actorId).get(), 401, 'token-not-provided');
});
await call('actor(id).update() publishes the Actor', async () => {
    const updated = await actorClient.update({
        isPublic: true,
        title: 'JS client check',
        categories: ['DEVELOPER_TOOLS'],
    });
    assert.equal(updated.isPublic, true);
});
await call('anonymous actor(id).get() of a public Actor', async () => {
    const got = await anonymous.actor(actorId).get();
    assert.equal(got?.id, actorId);
    assert.equal(got.isPublic, true);
    assert.equal(got.title, 'JS client check');
});
await call('anonymous build(id).get() of a public Actor', async () => {
    const got = await anonymous.build(build.id).get();
    assert.equal(got?.id, build.id);
    assert.equal(got.status, 'SUCCEEDED');
});

// ---- restartOnError -------------------------------------------------------------------------
await call('actor(id).update({restartOnError: true}) round trip', async () => {
    const updated = await actorClient.update({ restartOnError: true });
    assert.equal(updated.restartOnError, true);
    assert.equal((await actorClient.get()).restartOnError, true);
});

// ---- sortBy ---------------------------------------------------------------------------------
await call('actors().list({sortBy})', async () => {
    const later = await client.actors().create({
        name: unique('js-check-later'),
        versions: [sourceVersion('0.1', 'latest')],
    });
    const order = (page) => page.items.map((a) => a.id).filter((id) => id === actorId || id === later.id);
    const oldestFirst = await client.actors().list({ sortBy: 'createdAt' });
    assert.deepEqual(order(oldestFirst), [actorId, later.id]);
    const newestFirst = await client.actors().list({ sortBy: 'createdAt', desc: true });
    assert.deepEqual(order(newestFirst), [later.id, actorId]);
    const byLastRun = await client.actors().list({ sortBy: 'stats.lastRunStartedAt' });
    assert.equal(order(byLastRun).length, 2, 'both Actors are listed');
    assert.equal(byLastRun.total, oldestFirst.total);
    await client.actor(later.id).delete();
});

await call('actor(id).delete()', async () => {
    await actorClient.delete();
    assert.equal(await actorClient.get(), undefined);
});

// ---- Verdict --------------------------------------------------------------------------------
const failed = results.filter((r) => !r.ok);
console.log(
    `apify-client ${clientVersion} against ${baseUrl}: ${results.length - failed.length} of ${results.length} calls as documented`,
);
if (failed.length > 0) {
    console.log(`first failing call: ${failed[0].name}: ${failed[0].why}`);
    process.exit(1);
}
