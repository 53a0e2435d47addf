// Opens BASE/docs in headless Chromium, enters TOKEN via "Authorize", expands `GET /v2/actors`,
// clicks "Try it out" and "Execute", and prints as JSON what Swagger UI shows (status, body,
// request URL) and every answer the page got from a /v2/actors URL. DocsBrowserTest judges it.
//
// Usage: node try-it-out.mjs CHROMIUM BASE_URL TOKEN USER_DATA_DIR
import { chromium } from 'playwright-core';

const [chromiumPath, base, token, userDataDir] = process.argv.slice(2);
if (!userDataDir) {
  console.error('usage: node try-it-out.mjs CHROMIUM BASE_URL TOKEN USER_DATA_DIR');
  process.exit(2);
}

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  timeout: 20000,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10000);
  const sent = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/v2/actors') {
      sent.push({ method: response.request().method(), url: response.url(), status: response.status() });
    }
  });

  await page.goto(new URL('docs', base).toString());
  await page.locator('.opblock').first().waitFor();

  await page.locator('button.authorize').first().click();
  const bearer = page.locator('.modal-ux .auth-container').filter({ hasText: 'bearerAuth' });
  await bearer.locator('input').fill(token);
  await bearer.locator('button.authorize').click();
  await page.locator('.modal-ux button.close-modal').click();

  const operation = page.locator('.opblock-get').filter({
    has: page.locator('.opblock-summary-path[data-path="/v2/actors"]'),
  });
  await operation.locator('.opblock-summary').first().click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();

  const live = operation.locator('.live-responses-table');
  await live.waitFor();
  const status = (await live.locator('tbody .response-col_status').first().innerText()).trim();
  const body = await live.locator('tbody .response-col_description pre').first().innerText();
  const requestUrl = (await operation.locator('.request-url pre').first().innerText()).trim();
  console.log(JSON.stringify({ status, body, requestUrl, sent }));
} finally {
  await context.close();
}
