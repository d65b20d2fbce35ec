import { formatBytes, fractionOf } from '../../lib/format';
import type { UploadProgress as Upload } from './import.store';
import { ProgressBar } from '../../ui/ProgressBar';

/** Bytes sent to the local server before the import can read them (browser mode). */
export function UploadProgress({ uploads }: { uploads: Upload[] }) {
  return (
    <div className="stack-tight">
      {uploads.map((upload) => (
        <ProgressBar
          key={upload.name}
          label={`Uploading ${upload.name}`}
          value={fractionOf(upload.sent, upload.total)}
          detail={`${formatBytes(upload.sent)} of ${formatBytes(upload.total)}`}
        />
      ))}
    </div>
  );
}
