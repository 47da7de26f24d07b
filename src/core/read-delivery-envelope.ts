/**
 * What every webhook payload says about itself, whatever the event: its action, the installation it came through,
 * and the repository it concerns. Each field is `undefined` when the payload does not carry it with the right type.
 */
export interface DeliveryEnvelope {
  action: string | undefined;
  installationId: number | undefined;
  repository: EnvelopeRepository | undefined;
}

/** The repository a payload names; only `fullName` is sure to be present. */
export interface EnvelopeRepository {
  id: number | undefined;
  /** `owner/name` */
  fullName: string;
  owner: string | undefined;
  name: string | undefined;
  defaultBranch: string | undefined;
}

/**
 * Reads a payload's envelope: the one parser of `action`, `installation.id` and `repository` for the receiver, the
 * store, the queue tickets and the handlers. Never throws: a payload that is not an object has an empty envelope.
 */
export function readDeliveryEnvelope(payload: unknown): DeliveryEnvelope {
  const data = isObject(payload) ? payload : {};
  const installation = isObject(data.installation) ? data.installation : {};
  return {
    action: typeof data.action === 'string' ? data.action : undefined,
    installationId: typeof installation.id === 'number' ? installation.id : undefined,
    repository: readRepository(data.repository),
  };
}

function readRepository(value: unknown): EnvelopeRepository | undefined {
  if (!isObject(value) || typeof value.full_name !== 'string') return undefined;
  const owner = isObject(value.owner) && typeof value.owner.login === 'string' ? value.owner.login : undefined;
  return {
    id: typeof value.id === 'number' ? value.id : undefined,
    fullName: value.full_name,
    owner,
    name: typeof value.name === 'string' ? value.name : undefined,
    defaultBranch: typeof value.default_branch === 'string' ? value.default_branch : undefined,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
