import pino from 'pino';

/** A logger that writes nothing (tests assert on outcomes, not log lines). */
export const silentLog = pino({ level: 'silent' });
