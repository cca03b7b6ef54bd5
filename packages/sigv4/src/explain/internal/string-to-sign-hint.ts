/**
 * Step 5: why the string to sign differs (algorithm, date, region, service).
 * @internal
 * @packageDocumentation
 */
/** @internal The hint for a string to sign that differs; `undefined` when nothing explains it. */
export function stringToSignHint(
  expected: string,
  actual: string,
  canonicalDiffers: boolean,
): string | undefined {
  const [eAlg, eDate, eScope, eHash] = expected.split("\n");
  const [aAlg, aDate, aScope, aHash] = actual.split("\n");
  const hints: string[] = [];
  if (eAlg !== aAlg) hints.push(`the algorithm is ${eAlg ?? "?"}, not ${aAlg ?? "?"}`);
  if (eDate !== aDate)
    hints.push(`the server used date ${eDate ?? "?"} but you signed ${aDate ?? "?"}`);
  if (eScope !== aScope) {
    const [eDay, eRegion, eService] = (eScope ?? "").split("/");
    const [aDay, aRegion, aService] = (aScope ?? "").split("/");
    if (eRegion !== aRegion)
      hints.push(
        `the API is in region ${eRegion ?? "?"} but you signed for ${aRegion ?? "?"} (set the region option)`,
      );
    if (eService !== aService)
      hints.push(
        `the service is ${eService ?? "?"} but you signed for ${aService ?? "?"} (API Gateway is execute-api)`,
      );
    if (eDay !== aDay)
      hints.push(`the credential scope date is ${eDay ?? "?"}, not ${aDay ?? "?"}`);
  }
  if (hints.length === 0 && !canonicalDiffers && eHash !== aHash) {
    hints.push(
      "the canonical requests match but hash differently: the details passed are not those of this request",
    );
  }
  if (hints.length === 0) return undefined;
  return `In the string to sign, ${hints.join("; ")}.`;
}
