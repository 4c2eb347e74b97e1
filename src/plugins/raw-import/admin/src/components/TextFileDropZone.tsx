import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import { filesOfDrop, pickedFile, type PickedFile } from '../utils/textFiles';

interface TextFileDropZoneProps {
  /** Names the file inputs, so tests and assistive technology can find them. */
  name: string;
  title: string;
  hint: string;
  multiple?: boolean;
  /** Offers a "Choose a folder" button too (every file below the folder is picked). */
  folders?: boolean;
  disabled?: boolean;
  onFiles: (files: PickedFile[]) => void;
}

// `webkitdirectory` is not in React's input attributes; every browser the admin supports knows it.
const folderAttributes = { webkitdirectory: '', directory: '' } as React.InputHTMLAttributes<HTMLInputElement>;

/** A drop zone with a file picker behind it: drop or choose .txt files (and, with `folders`, whole folders). */
export const TextFileDropZone = ({ name, title, hint, multiple = false, folders = false, disabled = false, onFiles }: TextFileDropZoneProps) => {
  const { formatMessage } = useIntl();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  const handleInput = (event: React.ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []).map(pickedFile);
    event.target.value = ''; // picking the same file again must fire change again
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };

  const handleDrop = async (event: React.DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const files = await filesOfDrop(event.dataTransfer);
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };

  return (
    <Box
      padding={6}
      hasRadius
      borderStyle="dashed"
      borderWidth="1px"
      borderColor={dragging ? 'primary600' : 'neutral300'}
      background={dragging ? 'primary100' : 'neutral100'}
      onDragOver={(event: React.DragEvent) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={handleDrop}
      data-testid={`${name}-drop-zone`}
    >
      <Flex direction="column" gap={3} alignItems="center">
        <Typography variant="delta" tag="p">
          {title}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
        <Flex gap={2}>
          <Button variant="secondary" startIcon={<Upload />} disabled={disabled} onClick={() => fileInput.current?.click()}>
            {multiple
              ? formatMessage({ id: getTranslation('files.choose-many'), defaultMessage: 'Choose files' })
              : formatMessage({ id: getTranslation('files.choose-one'), defaultMessage: 'Choose a file' })}
          </Button>
          {folders && (
            <Button variant="tertiary" disabled={disabled} onClick={() => folderInput.current?.click()}>
              {formatMessage({ id: getTranslation('files.choose-folder'), defaultMessage: 'Choose a folder' })}
            </Button>
          )}
        </Flex>
      </Flex>
      <input
        ref={fileInput}
        type="file"
        name={name}
        aria-label={title}
        accept=".txt,text/plain"
        multiple={multiple}
        hidden
        onChange={handleInput}
      />
      {folders && <input ref={folderInput} type="file" name={`${name}-folder`} hidden onChange={handleInput} {...folderAttributes} />}
    </Box>
  );
};
