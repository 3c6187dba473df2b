export interface CrashResult {
  acknowledged: number;
  found: number;
  lost: number;
  inFlightApplied: number;
  inFlightAtKill: number;
  errors: number;
  sessions: number;
  kills: number;
  workingAfterRestart: number;
  problems: string[];
}
export function runCrash(options?: { sessions?: number; kills?: number; trafficMs?: number; concurrency?: number; skipBuild?: boolean }): Promise<CrashResult>;
