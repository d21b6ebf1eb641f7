import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useLearnedAnswers } from '@/lib/queries/knowledgeQueries.ts';
import { useKnowledgeRealtime } from '@/lib/useKnowledgeRealtime.ts';
import { DocumentsTab } from './documents/DocumentsTab.tsx';
import { type KnowledgeTab, KnowledgeTabs, parseKnowledgeTab } from './KnowledgeTabs.tsx';
import { LearnedTab } from './learned/LearnedTab.tsx';
import { SearchTester } from './SearchTester.tsx';

/** "Conhecimento": what the agents know — documents by collection, learned answers, a search test. */
export function KnowledgePage() {
  const { orgId } = useCurrentOrg();
  useKnowledgeRealtime(orgId);
  const [params, setParams] = useSearchParams();
  const tab = parseKnowledgeTab(params.get('aba'));
  const proposed = useLearnedAnswers(orgId, 'proposed');
  const setTab = (next: KnowledgeTab) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        if (next === 'documentos') out.delete('aba');
        else out.set('aba', next);
        return out;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title="Conhecimento"
        description="O que os agentes sabem da sua empresa: catálogos, tabelas de preço, políticas e as respostas que a equipe ensinou."
      />
      <KnowledgeTabs value={tab} onChange={setTab} proposedCount={proposed.data?.proposedCount ?? 0} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'documentos' && <DocumentsTab onOpenLearned={() => setTab('aprendizado')} />}
        {tab === 'aprendizado' && <LearnedTab />}
        {tab === 'busca' && <SearchTester />}
      </div>
    </>
  );
}
