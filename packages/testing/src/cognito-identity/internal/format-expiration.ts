/**
 * Epoch seconds as a JSON number literal: `1700003600`, or in exponent form as AWS's Java
 * serializer writes it, `1.7000036E9`.
 * @internal
 */
export function formatExpiration(seconds: number, format: "seconds" | "exponent"): string {
  const whole = Math.floor(seconds);
  if (format === "seconds" || whole <= 0) return String(whole);
  const digits = String(whole);
  const exponent = digits.length - 1;
  const fraction = digits.slice(1).replace(/0+$/, "");
  return `${digits[0]}.${fraction === "" ? "0" : fraction}E${exponent}`;
}
