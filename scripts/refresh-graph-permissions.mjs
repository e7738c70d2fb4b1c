// Rebuild src/core/permissions/graph-permissions.json (and its .meta.json) from Microsoft's published lists.
// No network: give it files you fetched. How and from where: docs/permission-catalogue.md.
//
//   node scripts/refresh-graph-permissions.mjs --devx permissions-descriptions.json --date 2026-08-07 \
//     --devx-source "microsoftgraph/microsoft-graph-devx-content permissions/permissions-descriptions.json @6cbd6bb" \
//     [--sp graph-sp.json --sp-source "…" [--sp-date D]]… [--provisioning provisioningInfo.json] [--check]
//
// --devx          the primary list (Graph Explorer's): delegatedScopesList + applicationScopesList.
// --sp            a Microsoft Graph service principal as exported from a tenant: the output of
//                 `az ad sp show --id 00000003-0000-0000-c000-000000000000`, a Graph GET of that service principal,
//                 or a `{ "value": [ … ] }` list holding it (Teams Toolkit ships one as permissions.json). Its
//                 oauth2PermissionScopes and appRoles that the primary list lacks are added (Graph Explorer leaves
//                 out permissions Microsoft marks hidden; tenants still grant them).
// --provisioning  permissions/new/provisioningInfo.json of the same repository: when given, an entry is added
//                 from --sp only if this list publishes the same id for the same name and kind.
// --previous      the catalogue to keep text from where a source has none (default: the current file).
// --check         write nothing; exit 1 when the result differs from the files in the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const here = dirname(new URL(import.meta.url).pathname);
const catalogPath = join(here, '../src/core/permissions/graph-permissions.json');
const metaPath = join(here, '../src/core/permissions/graph-permissions.meta.json');
const GRAPH = '00000003-0000-0000-c000-000000000000';

const { values } = parseArgs({
  options: {
    devx: { type: 'string' },
    'devx-source': { type: 'string' },
    date: { type: 'string' },
    sp: { type: 'string', multiple: true, default: [] },
    'sp-source': { type: 'string', multiple: true, default: [] },
    'sp-date': { type: 'string', multiple: true, default: [] },
    provisioning: { type: 'string' },
    previous: { type: 'string', default: catalogPath },
    check: { type: 'boolean', default: false },
  },
});
if (!values.devx || !values['devx-source'] || !/^\d{4}-\d{2}-\d{2}$/.test(values.date ?? '')) {
  console.error(
    'Give --devx <file>, --devx-source "<repository, path and commit>" and --date YYYY-MM-DD (the date of the newest source). See docs/permission-catalogue.md.',
  );
  process.exit(2);
}
if (values['sp-source'].length !== values.sp.length) {
  console.error('Give one --sp-source for each --sp.');
  process.exit(2);
}

const read = (path) => JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
const key = (value, kind) => `${kind}:${value.toLowerCase()}`;
// Text as the catalogue keeps it: runs of white space made one space, trimmed.
const text = (...candidates) =>
  (candidates.find((t) => typeof t === 'string' && t.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();

// The previous catalogue: text for entries a source leaves empty (two OnPremDirectorySynchronization roles).
const previous = new Map(read(values.previous).map((p) => [key(p.value, p.kind), p]));

// A (primary): Graph Explorer's list. Application permissions always need an administrator's consent.
const devx = read(values.devx);
const catalog = new Map();
const fromDevx = (list, kind) => {
  for (const p of list) {
    const old = previous.get(key(p.value, kind));
    catalog.set(key(p.value, kind), {
      value: p.value,
      kind,
      id: p.id.toLowerCase(),
      adminConsentRequired: kind === 'application' ? true : p.isAdmin === true,
      displayName: text(p.adminConsentDisplayName, p.consentDisplayName, old?.displayName),
      description: text(p.adminConsentDescription, p.consentDescription, old?.description),
    });
  }
};
fromDevx(devx.delegatedScopesList, 'delegated');
fromDevx(devx.applicationScopesList, 'application');
const primaryCount = catalog.size;

// B1 (cross-check): name → [{ id, scheme }] as Microsoft publishes them for the public cloud.
const provisioned = new Map();
if (values.provisioning) {
  const schemes = { DelegatedWork: 'delegated', Application: 'application' };
  for (const [name, deployments] of Object.entries(read(values.provisioning).permissionDeployments ?? {})) {
    for (const d of deployments) {
      const kind = schemes[d.scheme];
      if (kind && typeof d.id === 'string' && /public/i.test(d.environment ?? ''))
        provisioned.set(key(name, kind), d.id.toLowerCase());
    }
  }
}

// Service principal exports: what a tenant shows, including permissions hidden from Graph Explorer.
const added = [];
const disagreements = [];
values.sp.forEach((path, i) => {
  const doc = read(path);
  const principals = Array.isArray(doc.value) ? doc.value : [doc];
  const graph = principals.find((sp) => sp.appId === GRAPH);
  if (!graph) throw new Error(`${path} holds no Microsoft Graph service principal (appId ${GRAPH}).`);
  const entries = [
    ...(graph.oauth2PermissionScopes ?? []).map((s) => ({
      kind: 'delegated',
      value: s.value,
      id: s.id,
      admin: s.type === 'Admin',
      name: s.adminConsentDisplayName,
      description: s.adminConsentDescription,
    })),
    ...(graph.appRoles ?? []).map((r) => ({
      kind: 'application',
      value: r.value,
      id: r.id,
      admin: true,
      name: r.displayName,
      description: r.description,
    })),
  ];
  for (const e of entries) {
    if (!e.value || !e.id) continue;
    const k = key(e.value, e.kind);
    const have = catalog.get(k);
    if (have) {
      if (have.id !== e.id.toLowerCase())
        disagreements.push(`${e.value} (${e.kind}): ${have.id} in the catalogue, ${e.id} in ${values['sp-source'][i]}`);
      continue;
    }
    if (values.provisioning && provisioned.get(k) !== e.id.toLowerCase()) continue;
    catalog.set(k, {
      value: e.value,
      kind: e.kind,
      id: e.id.toLowerCase(),
      adminConsentRequired: e.admin,
      displayName: text(e.name),
      description: text(e.description),
    });
    added.push({ value: e.value, kind: e.kind, id: e.id.toLowerCase(), from: values['sp-source'][i] });
  }
});

const list = [...catalog.values()].sort(
  (a, b) => a.value.toLowerCase().localeCompare(b.value.toLowerCase(), 'en') || a.kind.localeCompare(b.kind),
);
const meta = {
  date: values.date,
  entries: list.length,
  delegated: list.filter((p) => p.kind === 'delegated').length,
  application: list.filter((p) => p.kind === 'application').length,
  sources: [
    { source: values['devx-source'], entries: primaryCount },
    ...values.sp.map((_, i) => ({
      source: values['sp-source'][i],
      ...(values['sp-date'][i] ? { date: values['sp-date'][i] } : {}),
      added: added.filter((a) => a.from === values['sp-source'][i]).map((a) => `${a.value} (${a.kind})`),
    })),
  ],
};
const catalogText = JSON.stringify(list, null, 2);
const metaText = `${JSON.stringify(meta, null, 2)}\n`;

for (const d of disagreements) console.warn(`id disagreement (catalogue kept): ${d}`);
console.log(
  `${list.length} permissions (${meta.delegated} delegated, ${meta.application} application): ${primaryCount} from the primary list, ${added.length} added from service principal exports.`,
);
for (const a of added) console.log(`  added ${a.value} (${a.kind}) ${a.id}`);

if (values.check) {
  const same = readFileSync(catalogPath, 'utf8') === catalogText && readFileSync(metaPath, 'utf8') === metaText;
  console.log(
    same
      ? 'The catalogue in the repository is what these sources give.'
      : 'The catalogue in the repository differs from what these sources give.',
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(catalogPath, catalogText);
writeFileSync(metaPath, metaText);
console.log(`Wrote ${catalogPath} and ${metaPath}.`);
