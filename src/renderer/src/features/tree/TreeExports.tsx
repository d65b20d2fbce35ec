/** Exports of the Tree page: the drawing (SVG, PNG) and the tree with the run (Auspice, Newick). */
import type { ExportedFile } from '../../../../shared/types';
import { api } from '../../api';
import { ExportButton, ExportError, useFileExport, type BinaryFile } from '../../ui/ExportButton';
import { sceneSvg, scenePng } from './tree-render';
import { fitTransform, type TreeScene } from './tree-scene';

type Format = 'svg' | 'png' | 'auspice' | 'newick';

/** The drawing's size: a tall page for rectangular trees, a square for radial ones. */
function exportSize(scene: TreeScene): { width: number; height: number } {
  if (scene.layout.shape === 'radial') return { width: 2000, height: 2000 };
  return { width: 1600, height: Math.min(16000, Math.max(800, scene.layout.tips * 4)) };
}

interface TreeExportsProps {
  scene: TreeScene;
  pathogenId: string;
  classificationId: number | null;
}

export function TreeExports({ scene, pathogenId, classificationId }: TreeExportsProps) {
  const base = `tree-${pathogenId}${classificationId === null ? '' : `-run-${classificationId}`}`;
  const exporter = useFileExport<Format>(async (format): Promise<ExportedFile | BinaryFile> => {
    if (format === 'auspice' || format === 'newick')
      return api.exportTree({ classificationId: classificationId!, format });
    const { width, height } = exportSize(scene);
    const t = fitTransform(scene, width, height);
    if (format === 'svg')
      return {
        fileName: `${base}.svg`,
        mimeType: 'image/svg+xml',
        content: sceneSvg(scene, t, width, height),
      };
    return { blob: await scenePng(scene, t, width, height), fileName: `${base}.png` };
  });
  const withRun = classificationId !== null;
  return (
    <div className="export-group" role="group" aria-label="Export the tree">
      <span className="muted">Export</span>
      <ExportButton exporter={exporter} format="svg">
        SVG
      </ExportButton>
      <ExportButton exporter={exporter} format="png">
        PNG
      </ExportButton>
      <ExportButton exporter={exporter} format="auspice" disabled={!withRun}>
        Auspice JSON
      </ExportButton>
      <ExportButton exporter={exporter} format="newick" disabled={!withRun}>
        Newick
      </ExportButton>
      <ExportError error={exporter.error} />
    </div>
  );
}
