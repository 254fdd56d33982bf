/** Issues a token through a running registry's admin API (role, and Land for land editors). */
export async function issueToken(
  registryUrl: string,
  adminToken: string,
  client: {
    name: string;
    role: 'admin' | 'land-editor' | 'reviewer' | 'operator';
    landCode?: string;
  },
): Promise<string> {
  const response = await fetch(`${registryUrl}/api/v1/admin/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(client),
  });
  if (response.status !== 201)
    throw new Error(
      `issuing token ${client.name}: HTTP ${response.status} ${await response.text()}`,
    );
  return ((await response.json()) as { token: string }).token;
}
