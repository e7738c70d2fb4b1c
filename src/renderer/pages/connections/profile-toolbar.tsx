import { Toolbar, ToolbarButton, ToolbarDivider, makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  CopyAddRegular,
  DeleteRegular,
  DocumentTextRegular,
  EditRegular,
  PersonKeyRegular,
} from '@fluentui/react-icons';
import type { ProfileListItem } from '../../../shared/contract/profiles';

const useStyles = makeStyles({
  bar: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS, paddingLeft: 0, paddingRight: 0 },
  hint: { color: tokens.colorNeutralForeground2, alignSelf: 'center', paddingLeft: tokens.spacingHorizontalS },
});

/** What the toolbar can do to the selected connection. */
export interface RowActions {
  sheet: (item: ProfileListItem) => void;
  test: (item: ProfileListItem) => void;
  edit: (item: ProfileListItem) => void;
  duplicate: (item: ProfileListItem) => void;
  exportFile: (item: ProfileListItem) => void;
  remove: (item: ProfileListItem) => void;
}

/** The row actions of the selected connection: every button has a visible label, and its accessible name says which connection. */
export function ProfileToolbar({ item, on }: { item: ProfileListItem | null; on: RowActions }) {
  const styles = useStyles();
  const name = item?.entry.name ?? '';
  const readable = item?.entry.profile != null;
  const button = (label: string, icon: React.JSX.Element, run: (i: ProfileListItem) => void, enabled: boolean) => (
    <ToolbarButton
      icon={icon}
      disabled={!item || !enabled}
      aria-label={item ? `${label}: ${name}` : label}
      onClick={() => item && run(item)}
    >
      {label}
    </ToolbarButton>
  );
  return (
    <Toolbar
      aria-label={item ? `Actions for ${name}` : 'Actions for the selected connection'}
      className={styles.bar}
      data-testid="profile-toolbar"
    >
      {button('Open sheet', <DocumentTextRegular />, on.sheet, readable)}
      {button('Test', <PersonKeyRegular />, on.test, readable)}
      {button('Edit', <EditRegular />, on.edit, item?.entry.editable === true)}
      <ToolbarDivider />
      {button('Duplicate', <CopyAddRegular />, on.duplicate, readable)}
      {button('Export (no secrets)', <ArrowDownloadRegular />, on.exportFile, readable)}
      {button('Delete', <DeleteRegular />, on.remove, true)}
      {item ? null : (
        <Text size={200} className={styles.hint}>
          Select a connection in the list to act on it.
        </Text>
      )}
    </Toolbar>
  );
}
