/**
 * @internal Throws `TypeError(\`${where}: options.${name} must be ${what}\`)` unless `ok`; see
 * {@link optionCheck}.
 */
export type OptionCheck = (ok: unknown, name: string, what: string) => void;

/** @internal The option check of one factory (`where` names it in messages). */
export function optionCheck(where: string): OptionCheck {
  return (ok, name, what) => {
    if (!ok) throw new TypeError(`${where}: options.${name} must be ${what}`);
  };
}

/** @internal Checks that each of `required` is a function, and each of `optional` one or `undefined`. */
export function checkFunctions(
  check: OptionCheck,
  required: Record<string, unknown>,
  optional: Record<string, unknown> = {},
): void {
  for (const [name, value] of Object.entries({ ...optional, ...required })) {
    check(
      typeof value === "function" || (value === undefined && name in optional),
      name,
      "a function",
    );
  }
}
