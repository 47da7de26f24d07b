import type { Command } from 'commander';
import { registerAreasCommand } from './areas.js';
import { registerBackfillCommand } from './backfill.js';
import { registerDeliveriesCommand } from './deliveries.js';
import { registerJobsCommand } from './jobs.js';
import { registerDemoCommand } from './demo.js';
import { registerMigrateCommand } from './migrate.js';
import { registerPublishDigestCommand } from './publish-digest.js';
import { registerReplayCommand } from './replay.js';
import { registerReportCommand } from './report.js';
import { registerSupplyChainCommand } from './supply-chain.js';
import { registerValidateConfigCommand } from './validate-config.js';
import { registerWebCommand } from './web.js';
import { registerWorkerCommand } from './worker.js';

/** Adds one sub-command to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every CLI command, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [registerAreasCommand, registerBackfillCommand, registerDeliveriesCommand, registerDemoCommand, registerJobsCommand, registerMigrateCommand, registerPublishDigestCommand, registerReplayCommand, registerReportCommand, registerSupplyChainCommand, registerValidateConfigCommand, registerWebCommand, registerWorkerCommand];
