import { type Logger, pino } from "pino";

/** JSON lines on stdout, one per event, for whatever collects the container's output. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "worktrackr" }, timestamp: pino.stdTimeFunctions.isoTime });
}
