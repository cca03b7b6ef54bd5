// The protected route: answers with the principal the authorizer let through.
export async function handler(event) {
  const authorizer = event.requestContext?.authorizer ?? {};
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: event.pathParameters?.id, principalId: authorizer.principalId }),
  };
}
