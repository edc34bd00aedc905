import { z } from "zod";

const booleanText = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * Every setting the server reads, from the environment, once at start-up. docker-compose.yml uses
 * these exact names (a test checks it).
 */
export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be between 0 (any free port) and 65535" })
    .max(65535, { error: "must be between 0 (any free port) and 65535" })
    .default(8787),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  FILES_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  APP_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  ALLOWED_HOSTS: z.string().optional(),
  CLIENT_DIST: z.string().min(1).optional(),
  SEED_DEMO: booleanText.optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  SECRETS_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, { error: "must be 32 random bytes in base64 (openssl rand -base64 32)" })
    .optional(),
  TRUST_PROXY: booleanText.optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, { error: "must be a Stripe secret key (sk_...)" })
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, { error: "must be a webhook signing secret (whsec_...)" })
    .optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_/, { error: "must be a Stripe publishable key (pk_...)" }).optional(),
  /** Another Stripe API host (stripe-mock, a local stand-in). */
  STRIPE_API_BASE: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  PRICE_INDIVIDUAL: z.string().startsWith("price_", { error: "must be a Stripe price id (price_...)" }).optional(),
  PRICE_STARTER: z.string().startsWith("price_", { error: "must be a Stripe price id (price_...)" }).optional(),
  PRICE_PRO: z.string().startsWith("price_", { error: "must be a Stripe price id (price_...)" }).optional(),
  PRICE_ENTERPRISE: z.string().startsWith("price_", { error: "must be a Stripe price id (price_...)" }).optional(),
  PRICE_ADDITIONAL_SEATS: z
    .string()
    .startsWith("price_", { error: "must be a Stripe price id (price_...)" })
    .optional(),
  TRIAL_DAYS: z.coerce.number().int().min(0).max(365).default(14),
});
export type Env = z.infer<typeof ZEnv>;

export interface Config {
  readonly env: Env["NODE_ENV"];
  readonly port: number;
  readonly host: string;
  readonly database:
    | { readonly kind: "postgres"; readonly url: string; readonly poolMax: number }
    | { readonly kind: "pglite"; readonly dataDir: string };
  readonly logLevel: Env["LOG_LEVEL"];
  readonly appBaseUrl: string;
  readonly allowedHosts: readonly string[];
  readonly clientDist: string | undefined;
  /** Where uploaded photos and documents are kept (DATA_DIR/files unless set). */
  readonly filesDir: string;
  /** Where the server keeps its generated secrets key when SECRETS_KEY is not set. */
  readonly dataDir: string;
  /** The demo organisation is seeded on first run of a development database only, unless told. */
  readonly seedDemo: boolean;
  readonly smtp: SmtpConfig | undefined;
  /** Encrypts secrets at rest; required in production, else kept in DATA_DIR/secrets.key. */
  readonly secretsKey: Uint8Array | undefined;
  /** Behind a load balancer: take the client's address from X-Forwarded-For. */
  readonly trustProxy: boolean;
  /** Stripe, when STRIPE_SECRET_KEY is set; without it billing says it is not configured. */
  readonly stripe: StripeConfig | undefined;
  readonly trialDays: number;
}

export interface StripeConfig {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly publishableKey: string | undefined;
  readonly apiBase: string | undefined;
  readonly prices: {
    readonly individual: string | undefined;
    readonly starter: string;
    readonly pro: string;
    readonly enterprise: string | undefined;
    readonly additionalSeats: string;
  };
}

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly from: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const secretName = /PASSWORD|SECRET|KEY|TOKEN/;

/** A setting's value as an error message may show it: secrets never, URL credentials masked. */
function shown(key: string, raw: string): string {
  if (secretName.test(key)) return "";
  const masked = raw.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
  return ` (got ${JSON.stringify(masked.length > 60 ? `${masked.slice(0, 57)}...` : masked)})`;
}

function describeIssue(issue: z.core.$ZodIssue, source: Record<string, string | undefined>): string {
  const key = String(issue.path[0] ?? "environment");
  const raw = source[key];
  const got = raw === undefined ? "" : shown(key, raw);
  return `${key}: ${issue.message}${got}`;
}

/** Reads the configuration, or throws a ConfigError whose message is one line naming the setting. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in docker-compose files with ${X:-}.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => describeIssue(i, source)).join("; "));
  }
  const env = parsed.data;
  if (env.STRIPE_SECRET_KEY) {
    for (const name of ["STRIPE_WEBHOOK_SECRET", "PRICE_STARTER", "PRICE_PRO", "PRICE_ADDITIONAL_SEATS"] as const) {
      if (!env[name]) throw new ConfigError(`${name}: is required when STRIPE_SECRET_KEY is set`);
    }
  }
  if (env.NODE_ENV === "production" && !env.SECRETS_KEY) {
    throw new ConfigError("SECRETS_KEY: is required in production (openssl rand -base64 32)");
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX }
      : { kind: "pglite", dataDir: env.DATA_DIR },
    logLevel: env.LOG_LEVEL,
    appBaseUrl: env.APP_BASE_URL ?? `http://localhost:${env.PORT}`,
    allowedHosts: (env.ALLOWED_HOSTS ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean),
    clientDist: env.CLIENT_DIST,
    filesDir: env.FILES_DIR ?? `${env.DATA_DIR}/files`,
    dataDir: env.DATA_DIR,
    seedDemo: env.SEED_DEMO ?? !env.DATABASE_URL,
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT ?? 587,
          user: env.SMTP_USER,
          password: env.SMTP_PASSWORD,
          from: env.SMTP_FROM ?? "WorkTrackr <no-reply@worktrackr.example.com>",
        }
      : undefined,
    secretsKey: env.SECRETS_KEY ? new Uint8Array(Buffer.from(env.SECRETS_KEY, "base64")) : undefined,
    trustProxy: env.TRUST_PROXY ?? false,
    stripe: env.STRIPE_SECRET_KEY
      ? {
          secretKey: env.STRIPE_SECRET_KEY,
          webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? "",
          publishableKey: env.STRIPE_PUBLISHABLE_KEY,
          apiBase: env.STRIPE_API_BASE,
          prices: {
            individual: env.PRICE_INDIVIDUAL,
            starter: env.PRICE_STARTER ?? "",
            pro: env.PRICE_PRO ?? "",
            enterprise: env.PRICE_ENTERPRISE,
            additionalSeats: env.PRICE_ADDITIONAL_SEATS ?? "",
          },
        }
      : undefined,
    trialDays: env.TRIAL_DAYS,
  };
}

/** The names of every setting, for the docker-compose check. */
export const settingNames = Object.keys(ZEnv.shape);
