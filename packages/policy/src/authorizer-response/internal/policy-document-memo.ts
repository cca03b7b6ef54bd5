import type { ApiType } from "../../arn/route-template.js";
import type { IamAuthorizerStatement } from "../iam-authorizer-statement.js";
import type { StageBase } from "./stage-base.js";

/**
 * A policy document built once: its statements (never handed out; callers get copies) and the
 * UTF-8 bytes of `JSON.stringify(policyDocument)`.
 * @internal
 */
export interface MemoisedDocument {
  readonly statements: readonly IamAuthorizerStatement[];
  readonly bytes: number;
}

interface Entry extends MemoisedDocument {
  /** `"stage"` or a private copy of the route templates the document was built for. */
  readonly allow: "stage" | readonly string[];
  /** A private copy of the denied templates (`[]` for none). */
  readonly deny: readonly string[];
}

/** The documents of one stage, by API type (the templates compile differently per type). */
interface StageSlot {
  readonly base: StageBase;
  readonly byApiType: Partial<Record<ApiType, Entry[]>>;
}

/** @internal */
export interface PolicyDocumentMemoLimits {
  /** Stages remembered; past it, everything is forgotten at once. */
  maxStages: number;
  /** Documents per stage and API type; past it, the oldest is forgotten. */
  documentsPerStage: number;
}

/** ARNs remembered (a stage has many: one per route); past it they are forgotten at once. */
const ARNS_LIMIT = 1024;

/** Every member a string (a hole or another value is never memoised: the builder decides). */
function allStrings(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== "string") return false;
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Bounded memo of policy documents by incoming ARN's stage, API type, `allow` and `deny`: what a
 * builder computes from these alone (parsing the ARN, compiling route templates to ARN patterns,
 * checking resource lengths, serialising the document) is done once. Only successes are kept, so
 * a failing input fails the same way every call.
 * @internal
 */
export class PolicyDocumentMemo {
  readonly #limits: PolicyDocumentMemoLimits;
  readonly #arns = new Map<string, StageSlot>();
  readonly #stages = new Map<string, StageSlot>();

  constructor(limits: PolicyDocumentMemoLimits) {
    this.#limits = limits;
  }

  /**
   * The parsed stage of an ARN seen before, or `undefined`.
   */
  stageOf(arn: string): StageBase | undefined {
    return this.#arns.get(arn)?.base;
  }

  /** Whether `allow` and `deny` are of a form this memo keeps (not request-only, strings only). */
  static memoisable(allow: unknown, deny: unknown): boolean {
    if (allow !== "stage" && !(Array.isArray(allow) && allStrings(allow))) return false;
    return deny === undefined || (Array.isArray(deny) && allStrings(deny));
  }

  /** The document for a memoisable `allow` / `deny` on the stage of an ARN seen before. */
  get(
    arn: string,
    apiType: ApiType,
    allow: "stage" | readonly string[],
    deny: readonly string[] | undefined,
  ): MemoisedDocument | undefined {
    const list = this.#arns.get(arn)?.byApiType[apiType];
    if (list === undefined) return undefined;
    const denied = deny ?? [];
    for (const entry of list) {
      const sameAllow =
        entry.allow === "stage" || allow === "stage"
          ? entry.allow === allow
          : sameList(entry.allow, allow);
      if (sameAllow && sameList(entry.deny, denied)) return entry;
    }
    return undefined;
  }

  /** Remembers a document built for a memoisable `allow` / `deny` on this ARN's stage. */
  set(
    arn: string,
    base: StageBase,
    apiType: ApiType,
    allow: "stage" | readonly string[],
    deny: readonly string[] | undefined,
    document: MemoisedDocument,
  ): void {
    const scope = `${base.partition}:${base.region}:${base.accountId}:${base.apiId}/${base.stage}`;
    let slot = this.#stages.get(scope);
    if (slot === undefined) {
      if (this.#stages.size >= this.#limits.maxStages) {
        this.#stages.clear();
        this.#arns.clear();
      }
      slot = { base, byApiType: {} };
      this.#stages.set(scope, slot);
    }
    if (!this.#arns.has(arn)) {
      if (this.#arns.size >= ARNS_LIMIT) this.#arns.clear();
      this.#arns.set(arn, slot);
    }
    let list = slot.byApiType[apiType];
    if (list === undefined) {
      list = [];
      slot.byApiType[apiType] = list;
    }
    if (list.length >= this.#limits.documentsPerStage) list.shift();
    list.push({
      allow: allow === "stage" ? "stage" : [...allow],
      deny: deny === undefined ? [] : [...deny],
      statements: document.statements,
      bytes: document.bytes,
    });
  }
}
