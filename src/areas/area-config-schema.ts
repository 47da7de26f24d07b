import { z } from 'zod';

/** One area declared in `.github/fallacy-watch.yml` under `areas:`; config areas override OWNERS and CODEOWNERS. */
export const areaConfigSchema = z
  .object({
    /** The area's name as reports show it, e.g. `sig/storage`. */
    name: z.string().min(1),
    /** CODEOWNERS-style path patterns (GitHub semantics) whose files belong to the area. */
    paths: z.array(z.string()).default([]),
    /** Owners: logins or `org/team` slugs, with or without a leading `@`. */
    owners: z.array(z.string()).default([]),
    /** Labels that place issues and PRs in this area. */
    labels: z.array(z.string()).default([]),
  })
  .strict();

export type AreaConfig = z.infer<typeof areaConfigSchema>;

/** The `areas:` list. */
export const areasConfigSchema = z.array(areaConfigSchema).default([]);

/** Label prefixes that name an area (`area/storage`, `sig/node`). */
export const areaLabelPrefixesSchema = z.array(z.string().min(1)).default(['area/', 'sig/']);
