import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  makeStyles,
  Text,
  tokens,
  type TableColumnDefinition,
  type TableColumnSizingOptions,
} from '@fluentui/react-components';
import { authLabels } from '../../../shared/connections';
import type { ProfileListItem } from '../../../shared/contract/profiles';
import { environmentLabels } from '../../../shared/environments';
import type { StatusTone } from '../../../shared/status';
import { StatusBadge } from '../../components/status-badge';
import { TruncatedValue } from '../../components/truncated-value';
import { formatDate } from '../../lib/dates';

const useStyles = makeStyles({
  grid: { minWidth: 0 },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  name: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', textAlign: 'left', maxWidth: '100%' },
  small: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 },
  problem: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const toneRank: Record<StatusTone, number> = { danger: 0, warning: 1, informative: 2, success: 3 };
const text = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

/** How wide each column starts and how narrow it may go (the admin can drag the edges). */
const sizing: TableColumnSizingOptions = {
  name: { minWidth: 140, idealWidth: 220 },
  status: { minWidth: 110, idealWidth: 160 },
  tenant: { minWidth: 110, idealWidth: 250 },
  clientId: { minWidth: 110, idealWidth: 310 },
  environment: { minWidth: 90, idealWidth: 150 },
  expiry: { minWidth: 90, idealWidth: 110 },
};

function NameCell({ item, onOpen }: { item: ProfileListItem; onOpen: (id: string) => void }) {
  const styles = useStyles();
  const { entry } = item;
  return (
    <div className={styles.stack}>
      {entry.profile ? (
        <Link
          as="button"
          className={styles.name}
          onClick={() => onOpen(entry.id)}
          aria-label={`${entry.name}: open the connection sheet`}
        >
          {entry.name}
        </Link>
      ) : (
        <Text weight="semibold" className={styles.name}>
          {entry.name}
        </Text>
      )}
      <Text size={200} className={styles.small}>
        {entry.auth ? authLabels[entry.auth] : 'Unknown option'}
      </Text>
      {entry.problems.length > 0 && !entry.profile ? (
        <Text size={200} className={styles.problem}>
          {entry.problems.join(' ')}
        </Text>
      ) : null}
    </div>
  );
}

/** Plain text on one line, cut with "…" when the column is narrow (the whole text in a tooltip). */
function OneLine({ text: value }: { text: string }) {
  const styles = useStyles();
  return (
    <span className={styles.small} title={value}>
      {value}
    </span>
  );
}

function columns(onOpen: (id: string) => void): Array<TableColumnDefinition<ProfileListItem>> {
  return [
    createTableColumn<ProfileListItem>({
      columnId: 'name',
      compare: (a, b) => text(a.entry.name, b.entry.name),
      renderHeaderCell: () => 'Connection',
      renderCell: (item) => <NameCell item={item} onOpen={onOpen} />,
    }),
    createTableColumn<ProfileListItem>({
      columnId: 'status',
      compare: (a, b) =>
        toneRank[a.status.headline.tone] - toneRank[b.status.headline.tone] ||
        text(a.status.headline.label, b.status.headline.label),
      renderHeaderCell: () => 'Status',
      renderCell: (item) => <StatusBadge status={item.status} />,
    }),
    createTableColumn<ProfileListItem>({
      columnId: 'tenant',
      compare: (a, b) => text(a.entry.profile?.tenant ?? '', b.entry.profile?.tenant ?? ''),
      renderHeaderCell: () => 'Tenant',
      renderCell: (item) => (
        <TruncatedValue value={item.entry.profile?.tenant ?? ''} label="tenant" empty="(no tenant)" />
      ),
    }),
    createTableColumn<ProfileListItem>({
      columnId: 'clientId',
      compare: (a, b) => text(a.entry.profile?.clientId ?? '', b.entry.profile?.clientId ?? ''),
      renderHeaderCell: () => 'Client ID',
      renderCell: (item) => (
        <TruncatedValue value={item.entry.profile?.clientId ?? ''} label="client ID" empty="(no client ID)" />
      ),
    }),
    createTableColumn<ProfileListItem>({
      columnId: 'environment',
      compare: (a, b) =>
        text(
          a.entry.profile ? environmentLabels[a.entry.profile.environment] : '',
          b.entry.profile ? environmentLabels[b.entry.profile.environment] : '',
        ),
      renderHeaderCell: () => 'Cloud',
      renderCell: (item) => (
        <OneLine text={item.entry.profile ? environmentLabels[item.entry.profile.environment] : '—'} />
      ),
    }),
    createTableColumn<ProfileListItem>({
      columnId: 'expiry',
      compare: (a, b) => (a.status.expiry.expiresAt ?? '9999').localeCompare(b.status.expiry.expiresAt ?? '9999'),
      renderHeaderCell: () => 'Expires',
      renderCell: (item) => (
        <OneLine text={item.status.expiry.expiresAt ? formatDate(item.status.expiry.expiresAt) : '—'} />
      ),
    }),
  ];
}

/** Cells holding buttons or links: Enter moves into them, Escape back out (arrow keys move between cells). */
const groupCells = new Set(['name', 'tenant', 'clientId']);

/** The connections as a sortable, keyboard-navigable grid with resizable columns; a row is selected for the toolbar. */
export function ProfileGrid(props: {
  items: ProfileListItem[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  onOpen: (id: string) => void;
}) {
  const styles = useStyles();
  return (
    <DataGrid
      className={styles.grid}
      aria-label="Connection profiles"
      items={props.items}
      columns={columns(props.onOpen)}
      getRowId={(item: ProfileListItem) => item.entry.id}
      sortable
      defaultSortState={{ sortColumn: 'name', sortDirection: 'ascending' }}
      selectionMode="single"
      selectedItems={props.selected ? new Set([props.selected]) : new Set()}
      onSelectionChange={(_e, d) => props.onSelect(([...d.selectedItems][0] as string | undefined) ?? null)}
      resizableColumns
      columnSizingOptions={sizing}
      focusMode="cell"
    >
      <DataGridHeader>
        <DataGridRow selectionCell={{ radioIndicator: { 'aria-label': 'Selected connection (choose one row)' } }}>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<ProfileListItem>>
        {({ item, rowId }) => (
          <DataGridRow<ProfileListItem>
            key={rowId}
            data-profile={item.entry.name}
            selectionCell={{ radioIndicator: { 'aria-label': `Select ${item.entry.name}` } }}
          >
            {({ renderCell, columnId }) => (
              <DataGridCell focusMode={groupCells.has(String(columnId)) ? 'group' : 'cell'}>
                {renderCell(item)}
              </DataGridCell>
            )}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
