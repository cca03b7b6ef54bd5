/**
 * Authorizer latency, RS256 (2048-bit key): a REST TOKEN authorizer made with `createAuthorizer`
 * for a first-seen token (every call a token it has not seen: a full verification) and for a
 * repeated token (a decision-cache hit), side by side with the verifications users would otherwise
 * write: aws-jwt-verify alone, jose alone, and the floor, a bare `node:crypto` signature check with
 * a `KeyObject` created once.
 *
 * Fairness: every case verifies the same pool of distinct tokens, cycling through it; keys are
 * pre-seeded everywhere (no network, no fetch on the timed path); aws-jwt-verify, jose and our
 * verifier check the same `iss`, `aud` and `exp`; the floor checks the signature only. The
 * first-seen handler's decision cache holds fewer entries than the pool, so with LRU eviction and
 * cyclic access every call misses. `setup` checks that each case accepts the tokens (an Allow for
 * the handler, a cache hit for the repeated case) before anything is timed.
 *
 * `authorizer-latency-es256.ts` runs the same cases with ES256 (P-256).
 */
import { createPublicKey, verify as cryptoVerify, type KeyObject } from "node:crypto";
import {
  createAuthorizer,
  type DecisionLog,
  jwtVerifier,
  type TokenVerifier,
} from "@gatehouse/authorizer";
import { createTestIssuer, restTokenEvent } from "@gatehouse/testing";
import { JwtVerifier } from "aws-jwt-verify";
import { importJWK, jwtVerify } from "jose";
import { type BenchCase, defineSuite, type Suite } from "../src/suite.js";

type BenchAlg = "RS256" | "ES256";

/** Distinct tokens per run; the first-seen handler's cache holds half as many. */
const POOL_SIZE = 512;
const AUDIENCE = "https://api.example.com";

interface Fixture {
  issuer: string;
  jwks: { keys: JsonWebKey[] };
  tokens: string[];
}

let fixture: Fixture | undefined;

/** Mints the pool once per process (a run is one process), then stops the issuer's server. */
async function mintPool(alg: BenchAlg): Promise<Fixture> {
  if (fixture !== undefined) return fixture;
  const issuer = await createTestIssuer({ alg });
  try {
    const tokens: string[] = [];
    for (let i = 0; i < POOL_SIZE; i++) {
      tokens.push(
        await issuer.mintToken({
          sub: `user-${i}`,
          aud: AUDIENCE,
          scope: "pets/read pets/write",
          jti: `bench-${i}`,
        }),
      );
    }
    fixture = { issuer: issuer.issuer, jwks: issuer.jwks(), tokens };
    return fixture;
  } finally {
    await issuer.close();
  }
}

/** A function that returns the pool's tokens in turn. */
function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => {
    const item = items[i]!;
    i = i + 1 === items.length ? 0 : i + 1;
    return item;
  };
}

const routes = {
  "GET /pets": {},
  "GET /pets/{id}": { scopes: ["pets/read"] },
  "POST /pets": { scopes: ["pets/write"] },
  "ANY /admin/{proxy+}": { groups: ["admin"] },
};

function expectAllow(response: unknown): void {
  const statement = (response as { policyDocument?: { Statement?: { Effect?: string }[] } })
    ?.policyDocument?.Statement?.[0];
  if (statement?.Effect !== "Allow") {
    throw new Error(`expected an Allow, got ${JSON.stringify(response)}`);
  }
}

/** The suite for one algorithm; `authorizer-latency-es256.ts` calls it with ES256. */
export function latencySuite(alg: BenchAlg): Suite {
  let next: () => string = () => {
    throw new Error("setup did not run");
  };

  // The floor: the signature check alone, straight on node:crypto.
  let key: KeyObject;
  const rawVerify = (token: string): boolean => {
    const dot = token.lastIndexOf(".");
    const data = Buffer.from(token.slice(0, dot));
    const signature = Buffer.from(token.slice(dot + 1), "base64url");
    return alg === "RS256"
      ? cryptoVerify("sha256", data, key, signature)
      : cryptoVerify("sha256", data, { key, dsaEncoding: "ieee-p1363" }, signature);
  };

  let joseKey: Awaited<ReturnType<typeof importJWK>>;
  let joseOptions: Parameters<typeof jwtVerify>[2];
  let awsVerifier: { verify(token: string): Promise<unknown> };
  let ours: TokenVerifier;
  let handler: ReturnType<typeof createAuthorizer>;
  let events: ReturnType<typeof restTokenEvent>[] = [];
  let nextEvent: () => ReturnType<typeof restTokenEvent>;
  let repeated: ReturnType<typeof restTokenEvent>;

  const ourVerifier = (f: Fixture): TokenVerifier =>
    jwtVerifier({ issuer: f.issuer, audience: AUDIENCE, algorithms: [alg], jwks: f.jwks });

  const cases: BenchCase[] = [
    {
      name: "node:crypto verify, KeyObject once (floor)",
      baseline: true,
      setup: async () => {
        const f = await mintPool(alg);
        key = createPublicKey({
          key: f.jwks.keys[0]! as import("node:crypto").JsonWebKey,
          format: "jwk",
        });
        next = cycle(f.tokens);
        if (!f.tokens.every(rawVerify)) throw new Error("floor rejects a token");
      },
      fn: () => rawVerify(next()),
    },
    {
      name: "jose jwtVerify, key imported once",
      setup: async () => {
        const f = await mintPool(alg);
        joseKey = await importJWK(f.jwks.keys[0]!, alg);
        joseOptions = { issuer: f.issuer, audience: AUDIENCE, algorithms: [alg] };
        next = cycle(f.tokens);
        for (const token of f.tokens) await jwtVerify(token, joseKey, joseOptions);
      },
      fn: () => jwtVerify(next(), joseKey, joseOptions),
    },
    {
      name: "aws-jwt-verify JwtVerifier, keys cached",
      setup: async () => {
        const f = await mintPool(alg);
        const verifier = JwtVerifier.create({ issuer: f.issuer, audience: AUDIENCE });
        verifier.cacheJwks(f.jwks as unknown as Parameters<typeof verifier.cacheJwks>[0]);
        awsVerifier = verifier;
        next = cycle(f.tokens);
        for (const token of f.tokens) await awsVerifier.verify(token);
      },
      fn: () => awsVerifier.verify(next()),
    },
    {
      name: "@gatehouse jwtVerifier.verify (no handler)",
      setup: async () => {
        const f = await mintPool(alg);
        ours = ourVerifier(f);
        next = cycle(f.tokens);
        for (const token of f.tokens) await ours.verify(token);
      },
      fn: () => ours.verify(next()),
    },
    {
      name: "createAuthorizer handler, first-seen token",
      setup: async () => {
        const f = await mintPool(alg);
        let hits = 0;
        handler = createAuthorizer({
          verifier: ourVerifier(f),
          routes,
          cache: { maxEntries: POOL_SIZE / 2 },
          hooks: {
            onDecision: (log: DecisionLog) => {
              if (log.cached) hits++;
            },
          },
        });
        events = f.tokens.map((token) =>
          restTokenEvent({ token: `Bearer ${token}`, method: "GET", path: "/pets/42" }),
        );
        nextEvent = cycle(events);
        // Two full cycles: the second proves that cyclic access never hits the smaller cache.
        for (let i = 0; i < 2 * events.length; i++) expectAllow(await handler(nextEvent()));
        if (hits !== 0) throw new Error(`${hits} decision-cache hits: not first-seen`);
      },
      fn: () => handler(nextEvent()),
    },
    {
      name: "createAuthorizer handler, repeated token (cache hit)",
      setup: async () => {
        const f = await mintPool(alg);
        let misses = 0;
        handler = createAuthorizer({
          verifier: ourVerifier(f),
          routes,
          hooks: {
            onDecision: (log: DecisionLog) => {
              if (!log.cached) misses++;
            },
          },
        });
        repeated = restTokenEvent({
          token: `Bearer ${f.tokens[0]!}`,
          method: "GET",
          path: "/pets/42",
        });
        for (let i = 0; i < 3; i++) expectAllow(await handler(repeated));
        if (misses !== 1) throw new Error(`${misses} misses for one repeated token`);
      },
      fn: () => handler(repeated),
    },
  ];

  return defineSuite({
    name: `authorizer latency, ${alg}`,
    description:
      `One ${alg} token per call from a pool of ${POOL_SIZE} distinct tokens, keys pre-seeded (no ` +
      "network). `createAuthorizer` answers a REST TOKEN event with a 4-route table: first-seen " +
      "(decision cache smaller than the pool: every call verifies) and repeated (one token: " +
      "decision-cache hit). aws-jwt-verify and jose check the signature, `iss`, `aud`, `exp`. " +
      "Baseline: `crypto.verify` with a `KeyObject` created once (signature only), the floor.",
    cases,
  });
}

export default latencySuite("RS256");
