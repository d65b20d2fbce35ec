import type { PathogenSummary } from '../../../../shared/analysis-types';
import { formatCount } from '../../lib/format';
import { ConfirmDeleteButton } from '../../ui/ConfirmDeleteButton';
import { usePathogensStore } from './pathogens.store';

function PathogenRow({ pathogen }: { pathogen: PathogenSummary }) {
  const confirming = usePathogensStore((state) => state.confirmingRemoval === pathogen.id);
  const askRemoval = usePathogensStore((state) => state.askRemoval);
  const remove = usePathogensStore((state) => state.remove);
  return (
    <tr>
      <th scope="row">{pathogen.name}</th>
      <td>
        <code>{pathogen.id}</code>
      </td>
      <td>{pathogen.source === 'shipped' ? 'Shipped' : 'Added'}</td>
      <td className="numeric">{formatCount(pathogen.genomeLength)} nt</td>
      <td title={pathogen.genes.map((gene) => gene.name).join(', ')}>
        {pathogen.genes.length} (
        {pathogen.genes
          .map((gene) => gene.name)
          .slice(0, 4)
          .join(', ')}
        {pathogen.genes.length > 4 ? ', …' : ''})
      </td>
      <td>{pathogen.hasTree ? 'Yes' : 'No'}</td>
      <td>
        {pathogen.source === 'added' && (
          <ConfirmDeleteButton
            what={`pathogen ${pathogen.id}`}
            confirming={confirming}
            onRequest={() => askRemoval(pathogen.id)}
            onConfirm={() => void remove(pathogen.id)}
            onKeep={() => askRemoval(null)}
          />
        )}
      </td>
    </tr>
  );
}

/** Every pathogen: shipped and added, genome length, genes, whether it has a tree. */
export function PathogenTable({ pathogens }: { pathogens: PathogenSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <caption className="visually-hidden">Pathogens</caption>
        <thead>
          <tr>
            <th scope="col">Pathogen</th>
            <th scope="col">Id</th>
            <th scope="col">Source</th>
            <th scope="col" className="numeric">
              Genome
            </th>
            <th scope="col">Genes</th>
            <th scope="col">Tree</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pathogens.map((pathogen) => (
            <PathogenRow key={pathogen.id} pathogen={pathogen} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
