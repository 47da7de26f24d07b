import type { DeliveryTicket } from '../handlers/on-any-delivery.js';

/** A deliveries-queue job: the recorded delivery's ticket (the payload stays in the store). */
export type DeliveryJobData = DeliveryTicket;

/** A backfills-queue job: one repository of one installation, over GraphQL. */
export interface BackfillJobData {
  installationId: number;
  /** `owner/name`. */
  repository: string;
}

/** A digests-queue job for one repository and one ISO week. */
export interface DigestJobData {
  kind: 'repository';
  installationId: number;
  repoId: number;
  /** `owner/name`. */
  repository: string;
  /** ISO week label, e.g. `2026-W48`. */
  week: string;
  /** The Monday (UTC) the week starts, `YYYY-MM-DD`. */
  weekOf: string;
}

/** A digests-queue job for one organisation of one installation and one ISO week (the organisation digest). */
export interface OrgDigestJobData {
  kind: 'organization';
  installationId: number;
  /** The organisation (or user) login. */
  organization: string;
  /** ISO week label, e.g. `2026-W48`. */
  week: string;
  /** The Monday the week starts (in the digest's timezone), `YYYY-MM-DD`. */
  weekOf: string;
}

/** The repeatable weekly job: lists the installed repositories and queues one {@link DigestJobData} each. */
export interface DigestFanOutData {
  kind: 'fan-out';
}
