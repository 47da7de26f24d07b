import type { ManifestPlan } from './build-app-manifest.js';

/** What the setup page shows: the manifest plan and where GitHub's "new App" form lives. */
export interface SetupPageInput {
  plan: ManifestPlan;
  /** GitHub's manifest endpoint, e.g. `https://github.com/settings/apps/new` or `…/organizations/<org>/settings/apps/new`. */
  createAppUrl: string;
  /** The `.env` file the credentials are written to. */
  envPath: string;
}

/**
 * The first-run page `npm start` serves without credentials: one button that registers the App from its manifest, and
 * the list of what is left to do after it (restart, install, first import). Without a usable webhook URL it shows the
 * problem instead of the button: registering an App whose webhooks cannot arrive is worse than not registering it.
 */
export function renderSetupPage({ plan, createAppUrl, envPath }: SetupPageInput): string {
  const body = plan.ok
    ? `<p>The App will be registered as <b>${escapeHtml(plan.manifest.name)}</b> (set <code>APP_NAME</code> to change it; App names are
  unique across GitHub, so you may have to pick another on GitHub's form) with webhooks going to
  <code>${escapeHtml(plan.manifest.hook_attributes.url)}</code> (from ${escapeHtml(plan.webhookUrlSource)}).</p>
  <form action="${escapeHtml(createAppUrl)}" method="post">
    <input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(plan.manifest))}">
    <button type="submit">Register the GitHub App</button>
  </form>`
    : `<p class="problem"><b>Not ready to register:</b> ${escapeHtml(plan.problem)}</p>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Set up fallacy-watch</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
code{background:#f3f3f3;padding:0 .2rem}.problem{border-left:4px solid #c00;padding-left:.8rem}button{font-size:1.1rem;padding:.4rem 1rem}</style>
</head><body>
<h1>Set up fallacy-watch</h1>
${body}
<h2>What is left to do</h2>
<ol>
  <li>Register the App with the button above. GitHub sends you back here; the App's id, private key and webhook secret
  are written to <code>${escapeHtml(envPath)}</code>.</li>
  <li>Stop this server and run <code>npm start</code> again: it starts the App with those credentials.</li>
  <li>Install the App (GitHub opens its install page after registering): choose the account or organization, then
  "Only select repositories" or all of them. Each installed repository's history is imported in the background: the
  log says <code>backfill done</code> (with the counts) or <code>backfill failed</code> per repository.</li>
  <li>Optional: add <code>.github/fallacy-watch.yml</code> to a repository (or to the organization's <code>.github</code>
  repository, which is read as a fallback only if the App is installed on it too).</li>
</ol>
</body></html>
`;
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
