import type { Probot } from 'probot';
import type { InstalledRepository } from './plan-digest-jobs.js';

/** Every repository of every installation of the app (`GET /app/installations`, then `GET /installation/repositories`). */
export async function listInstalledRepositories(probot: Probot): Promise<InstalledRepository[]> {
  const app = await probot.auth();
  const installations = (await app.paginate('GET /app/installations', { per_page: 100 })) as Array<{ id: number }>;
  const repositories: InstalledRepository[] = [];
  for (const installation of installations) {
    const octokit = await probot.auth(installation.id);
    const repos = await octokit.paginate('GET /installation/repositories', { per_page: 100 });
    for (const repo of repos) {
      repositories.push({ installationId: installation.id, repoId: repo.id, fullName: repo.full_name, ...(repo.archived === true ? { archived: true } : {}) });
    }
  }
  return repositories;
}
