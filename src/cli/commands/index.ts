import type { Command } from 'commander';

/** Adds one sub-command to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every CLI command, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [];
