import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import { inBrowser } from '../lib/browser-files';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'center',
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** A chosen file: its name and bytes. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A drop zone with a keyboard-reachable "Choose file" button; refuses files over `maxBytes` with a message.
 * With `onChoose` the button asks main to show the OS dialog (main then reads the file itself); drops still use `onFile`.
 * In a browser tab (gcw ui) the button always opens the browser's file picker, whose file goes to `onFile`.
 */
export function FileDrop({
  label,
  accept,
  maxBytes,
  onFile,
  onChoose,
  disabled,
  testId,
}: {
  label: string;
  accept: string;
  maxBytes: number;
  onFile: (file: PickedFile) => void;
  onChoose?: () => void;
  disabled?: boolean;
  testId?: string;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const take = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > maxBytes) {
      setProblem(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${(maxBytes / 1024 / 1024).toFixed(0)} MB.`,
      );
      return;
    }
    setProblem(null);
    onFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setActive(false);
    void take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={mergeClasses(styles.zone, active && styles.active)}
      onDragOver={(e) => {
        e.preventDefault();
        setActive(true);
      }}
      onDragLeave={() => setActive(false)}
      onDrop={onDrop}
      data-testid={testId}
    >
      <DocumentArrowUpRegular fontSize={32} aria-hidden />
      <Text>{label}</Text>
      <Button disabled={disabled} onClick={() => (onChoose && !inBrowser() ? onChoose() : input.current?.click())}>
        Choose file…
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-hidden
        tabIndex={-1}
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {problem ? (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {problem}
        </Text>
      ) : null}
    </div>
  );
}
