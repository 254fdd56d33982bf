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

/**
 * Registers a harvest source at a running harvester and starts a run of it (admin or operator
 * token); throws unless the source is created (201) and the run accepted (202).
 */
export async function runHarvest(
  harvesterUrl: string,
  token: string,
  source: { name: string; url: string; landCode: string | null; pageSize?: number },
  run: { mode?: 'full' | 'incremental' } = {},
): Promise<{ sourceId: string }> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${harvesterUrl}/api/v1/sources`, {
    method: 'POST',
    headers,
    body: JSON.stringify(source),
  });
  if (created.status !== 201)
    throw new Error(
      `creating source ${source.name}: HTTP ${created.status} ${await created.text()}`,
    );
  const { id } = (await created.json()) as { id: string };
  const started = await fetch(`${harvesterUrl}/api/v1/sources/${id}/run`, {
    method: 'POST',
    headers,
    body: JSON.stringify(run),
  });
  if (started.status !== 202)
    throw new Error(
      `running source ${source.name}: HTTP ${started.status} ${await started.text()}`,
    );
  await started.body?.cancel();
  return { sourceId: id };
}
