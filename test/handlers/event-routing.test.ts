import { describe, expect, it } from 'vitest';
import { createAreaContextCache } from '../../src/areas/area-context-cache.js';
import { createKeyLock } from '../../src/handlers/create-key-lock.js';
import { onPush } from '../../src/handlers/on-push.js';
import { isRefreshRequest } from '../../src/handlers/on-refresh-command.js';
import { REPOSITORY } from './github-fixtures.js';

describe('onPush', () => {
  const push = (ref: string, changed: string[], extra: object = {}) => ({
    payload: { ref, commits: [{ added: [], removed: [], modified: changed }], repository: REPOSITORY, installation: { id: 7 }, ...extra },
  });
  const spy = () => {
    const dropped: string[] = [];
    const areas = { ...createAreaContextCache(), drop: async (installationId: number, repoId: number) => void dropped.push(`${installationId}/${repoId}`) };
    return { areas, dropped };
  };

  it('drops the cached areas when a default-branch push touches an area source', async () => {
    for (const path of ['OWNERS', 'pkg/storage/OWNERS', 'OWNERS_ALIASES', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.github/fallacy-watch.yml']) {
      const { areas, dropped } = spy();
      expect(await onPush({ areas }, push('refs/heads/main', ['README.md', path]))).toBe(true);
      expect(dropped).toEqual([`7/${REPOSITORY.id}`]);
    }
  });

  it('keeps them for other files, other branches and deleted branches; drops them for forced pushes', async () => {
    const { areas, dropped } = spy();
    expect(await onPush({ areas }, push('refs/heads/main', ['storage/disk.go']))).toBe(false);
    expect(await onPush({ areas }, push('refs/heads/feature', ['OWNERS']))).toBe(false);
    expect(await onPush({ areas }, push('refs/heads/main', ['OWNERS'], { deleted: true }))).toBe(false);
    expect(dropped).toEqual([]);
    expect(await onPush({ areas }, push('refs/heads/main', ['storage/disk.go'], { forced: true }))).toBe(true);
  });
});

describe('isRefreshRequest', () => {
  const aComment = (body: string, association: string, type = 'User') => ({ body, author_association: association, user: { login: 'x', type } });
  it.each([
    ['/fallacy-watch refresh', 'OWNER', true],
    ['Thanks!\n  /fallacy-watch   refresh  \n', 'MEMBER', true],
    ['/FALLACY-WATCH REFRESH', 'COLLABORATOR', true],
    ['/fallacy-watch refresh', 'CONTRIBUTOR', false],
    ['/fallacy-watch refresh', 'FIRST_TIME_CONTRIBUTOR', false],
    ['/fallacy-watch refresh', 'NONE', false],
    ['please /fallacy-watch refresh', 'OWNER', false],
    ['/fallacy-watch refresh now', 'OWNER', false],
    ['`/fallacy-watch refresh`', 'OWNER', false],
  ])('%j by %s → %s', (body, association, expected) => {
    expect(isRefreshRequest(aComment(body, association))).toBe(expected);
  });
  it('ignores bots, even with an owner association', () => {
    expect(isRefreshRequest(aComment('/fallacy-watch refresh', 'OWNER', 'Bot'))).toBe(false);
  });
});

describe('createKeyLock', () => {
  it('runs tasks of one key one after another, and survives a failed task', async () => {
    const lock = createKeyLock();
    const order: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      order.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([lock('a', task('a1', 20, true)), lock('a', task('a2', 1)), lock('b', task('b1', 1))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(order.indexOf('start a2')).toBeGreaterThan(order.indexOf('end a1'));
    expect(order.indexOf('start b1')).toBeLessThan(order.indexOf('end a1'));
  });
});
