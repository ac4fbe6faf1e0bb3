// Types of pg-cluster.mjs for the TypeScript tests and benchmarks that import it.
export interface Cluster {
  readonly dir: string;
  readonly bin: string;
  readonly dataDir: string;
  readonly url: string;
  readonly port: number;
  readonly options: string;
  started: boolean;
}
export function findPostgresBin(): string | null;
export function startCluster(bin: string): Promise<Cluster>;
export function controlCluster(cluster: Cluster | null, action: 'restart' | 'stop' | 'start'): Promise<void>;
export function stopCluster(cluster: Cluster | null): void;
