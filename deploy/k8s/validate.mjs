// Validates the Kubernetes manifests: `kustomize build` of the base and every overlay, then
// kubeconform (strict: unknown fields are errors) against JSON schemas generated from the
// Kubernetes OpenAPI document of K8S_VERSION. Part of `npm test`; alone: `npm run k8s:validate`.
//
// The tools are Go programs, built from the Go module proxy into .infra/go/bin. kubeconform ships
// no schemas (it downloads them from GitHub, which is not reachable here), so they are made from
// api/openapi-spec/swagger.json of the k8s.io/kubernetes module (also from the Go proxy), the way
// kubernetes-json-schema makes them: one standalone file per kind, $refs inlined, int-or-string
// and quantities as either type, additionalProperties false (strict).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const BIN = join(ROOT, '.infra/go/bin');
const K8S_VERSION = '1.34.2';
const TOOLS = {
  kustomize: 'sigs.k8s.io/kustomize/kustomize/v5@v5.7.1',
  kubeconform: 'github.com/yannh/kubeconform/cmd/kubeconform@v0.8.0',
};
const SCHEMAS = join(ROOT, `.infra/k8s-schemas/v${K8S_VERSION}-standalone-strict`);
const log = (message) => console.log(`▶ ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.error) throw result.error;
  return result;
}

/** Builds the missing tools, in parallel (each build is mostly downloads and one compiler). */
async function ensureTools() {
  const missing = Object.entries(TOOLS).filter(([name]) => !existsSync(join(BIN, name)));
  if (missing.length === 0) return;
  log(
    `building ${missing.map(([n]) => n).join(', ')} from the Go module proxy (a few minutes, once)`,
  );
  await Promise.all(
    missing.map(
      ([, module]) =>
        new Promise((resolve, reject) => {
          let stderr = '';
          const child = spawn('go', ['install', module], {
            env: { ...process.env, GOBIN: BIN, GOFLAGS: '-mod=mod' },
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`go install ${module} failed:\n${stderr}`)),
          );
        }),
    ),
  );
}

function goModuleDir(module) {
  const result = run('go', ['mod', 'download', '-json', module]);
  if (result.status !== 0) throw new Error(`go mod download ${module} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout).Dir;
}

/** kubeconform's file name for a kind: deployment-apps-v1.json, service-v1.json, … */
const schemaFile = ({ group, version, kind }) =>
  `${kind.toLowerCase()}${group ? `-${group.split('.')[0]}` : ''}-${version}.json`;

function generateSchemas() {
  if (existsSync(join(SCHEMAS, 'deployment-apps-v1.json'))) return;
  log(`generating Kubernetes ${K8S_VERSION} JSON schemas`);
  const dir = goModuleDir(`k8s.io/kubernetes@v${K8S_VERSION}`);
  const { definitions } = JSON.parse(
    readFileSync(join(dir, 'api/openapi-spec/swagger.json'), 'utf8'),
  );
  const INT_OR_STRING = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  const QUANTITY = { oneOf: [{ type: 'string' }, { type: 'number' }] };
  const inline = (schema, path) => {
    if (Array.isArray(schema)) return schema.map((s) => inline(s, path));
    if (schema === null || typeof schema !== 'object') return schema;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/definitions/', '');
      if (name === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString') return INT_OR_STRING;
      if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return QUANTITY;
      // A recursive type (JSONSchemaProps of CRDs) is left open at its second occurrence.
      if (path.includes(name)) return {};
      return inline(definitions[name], [...path, name]);
    }
    if (schema.format === 'int-or-string') return INT_OR_STRING;
    const out = {};
    for (const [key, value] of Object.entries(schema)) {
      out[key] =
        key === 'properties'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v, path)]))
          : inline(value, path);
    }
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
  };
  mkdirSync(SCHEMAS, { recursive: true });
  let written = 0;
  for (const [name, definition] of Object.entries(definitions)) {
    for (const gvk of definition['x-kubernetes-group-version-kind'] ?? []) {
      writeFileSync(join(SCHEMAS, schemaFile(gvk)), JSON.stringify(inline(definition, [name])));
      written++;
    }
  }
  log(`${written} schemas in ${SCHEMAS}`);
}

function kustomizeBuild(dir) {
  const result = run(join(BIN, 'kustomize'), ['build', dir]);
  if (result.status !== 0) throw new Error(`kustomize build ${dir} failed:\n${result.stderr}`);
  return result.stdout;
}

/** kubeconform on YAML text; its JSON summary and the resources it found invalid. */
function kubeconform(yaml) {
  const result = run(
    join(BIN, 'kubeconform'),
    [
      '-strict',
      '-verbose',
      '-summary',
      '-output',
      'json',
      '-schema-location',
      join(SCHEMAS, '{{.ResourceKind}}{{.KindSuffix}}.json'),
      '-',
    ],
    { input: yaml },
  );
  const report = JSON.parse(result.stdout);
  return { report, failed: report.resources.filter((r) => r.status !== 'statusValid') };
}

try {
  await ensureTools();
  generateSchemas();
  const targets = ['base', ...readdirSync(join(HERE, 'overlays')).map((o) => `overlays/${o}`)];
  for (const target of targets) {
    const { report, failed } = kubeconform(kustomizeBuild(join(HERE, target)));
    if (failed.length > 0 || report.summary.valid === 0) {
      throw new Error(`${target} is not valid:\n${JSON.stringify(failed, null, 2)}`);
    }
    const kinds = [...new Set(report.resources.map((r) => r.kind))].sort().join(', ');
    log(`${target}: ${report.summary.valid} resources valid (${kinds})`);
  }
  // Negative control: each broken document must be reported.
  const broken = readFileSync(join(HERE, 'testdata/broken.yaml'), 'utf8');
  const documents = broken.split(/^---$/m).length;
  // Invalid, not an error such as a missing schema: each for the mistake it was made with.
  const { failed } = kubeconform(broken);
  if (failed.filter((r) => r.status === 'statusInvalid').length !== documents) {
    throw new Error(
      `kubeconform rejected ${failed.length} of the ${documents} broken documents in testdata/broken.yaml`,
    );
  }
  log(`negative control: all ${documents} broken documents rejected`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
