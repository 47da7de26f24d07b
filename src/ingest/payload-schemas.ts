import { z } from 'zod';

/**
 * The parts of GitHub webhook payloads fallacy-watch reads, validated with zod so a malformed payload fails with a
 * message naming the key (`pull_request.user.login: expected string`) instead of writing half a record.
 * Objects are loose: GitHub adds fields all the time.
 */

export const userSchema = z.looseObject({
  login: z.string(),
  id: z.number(),
  type: z.string().default('User'),
});

/**
 * The account GitHub shows for a deleted user (https://github.com/ghost): what an author or actor the payload leaves
 * out (`null`, or without its login and id, both of which GitHub's webhook schema allows) becomes.
 */
export const GHOST_USER = { login: 'ghost', id: 10137, type: 'User' } as const;

/** An author GitHub may send as `null` (a deleted user) or without login and id: the {@link GHOST_USER} then. */
export const authorSchema = z.preprocess((value) => {
  const user = value as { login?: unknown; id?: unknown } | null | undefined;
  return user && typeof user === 'object' && typeof user.login === 'string' && typeof user.id === 'number' ? user : { ...GHOST_USER };
}, userSchema);

export const labelSchema = z.looseObject({ name: z.string() });

export const milestoneSchema = z.looseObject({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  state: z.enum(['open', 'closed']),
  due_on: z.string().nullable().default(null),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable().default(null),
  open_issues: z.number().default(0),
  closed_issues: z.number().default(0),
});

export const repositorySchema = z.looseObject({
  id: z.number(),
  full_name: z.string(),
  private: z.boolean().default(false),
  default_branch: z.string().optional(),
  archived: z.boolean().nullable().optional(),
  fork: z.boolean().nullable().optional(),
  updated_at: z.union([z.string(), z.number()]).nullable().optional(),
});

export const installationRefSchema = z.looseObject({ id: z.number() });

export const pullRequestSchema = z.looseObject({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  user: authorSchema,
  author_association: z.string().default('NONE'),
  state: z.enum(['open', 'closed']),
  draft: z.boolean().default(false),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable().default(null),
  merged_at: z.string().nullable().default(null),
  merged_by: userSchema.nullable().optional(),
  additions: z.number().optional(),
  deletions: z.number().optional(),
  changed_files: z.number().optional(),
  labels: z.array(labelSchema).default([]),
  milestone: milestoneSchema.nullable().default(null),
  base: z.looseObject({ ref: z.string() }),
  head: z.looseObject({ ref: z.string(), sha: z.string() }),
});

export const issueSchema = z.looseObject({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  user: authorSchema,
  author_association: z.string().default('NONE'),
  /** GitHub's schema lets `issue_comment` leave it out: then it is closed when it has a `closed_at`. */
  state: z.enum(['open', 'closed']).optional(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable().default(null),
  labels: z.array(labelSchema).default([]),
  milestone: milestoneSchema.nullable().default(null),
  assignees: z.array(userSchema).default([]),
  /** Present (an object) when the "issue" is a pull request's conversation. */
  pull_request: z.unknown().optional(),
});

export const reviewSchema = z.looseObject({
  id: z.number(),
  user: userSchema.nullable(),
  state: z.string(),
  submitted_at: z.string().nullable().default(null),
  commit_id: z.string().nullable().default(null),
});

export const commentSchema = z.looseObject({
  id: z.number(),
  user: userSchema.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Read only to classify the comment (see `listSlashCommands`); never stored. */
  body: z.string().nullable().optional(),
});

export const releaseSchema = z.looseObject({
  id: z.number(),
  tag_name: z.string(),
  name: z.string().nullable().default(null),
  draft: z.boolean().default(false),
  prerelease: z.boolean().default(false),
  /** `null` is allowed by GitHub's schema; the release then dates from its publication, else it is not kept. */
  created_at: z.string().nullable(),
  published_at: z.string().nullable().default(null),
  assets: z.array(z.looseObject({ name: z.string() })).default([]),
});

/** Fields every repository-scoped delivery carries. */
export const repositoryEnvelopeSchema = z.looseObject({
  action: z.string().optional(),
  repository: repositorySchema,
  installation: installationRefSchema.optional(),
  sender: userSchema.optional(),
});

export type UserPayload = z.infer<typeof userSchema>;
export type RepositoryPayload = z.infer<typeof repositorySchema>;
export type MilestonePayload = z.infer<typeof milestoneSchema>;
