import type { SourceFileSummary } from '../../../../shared/types';
import { formatBytes, formatCount } from '../../lib/format';

export function SourceFilesTable({ files }: { files: SourceFileSummary[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Source files</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Format</th>
          <th scope="col" className="numeric">
            Size
          </th>
          <th scope="col" className="numeric">
            Records
          </th>
          <th scope="col" className="numeric">
            Valid
          </th>
          <th scope="col" className="numeric">
            Invalid
          </th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.name}>
            <td>{file.name}</td>
            <td>
              {file.format.toUpperCase()}
              {file.gzip ? ' (gzip)' : ''}
            </td>
            <td className="numeric">{formatBytes(file.bytes)}</td>
            <td className="numeric">{formatCount(file.records)}</td>
            <td className="numeric">{formatCount(file.valid)}</td>
            <td className="numeric">{formatCount(file.invalid)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
