import { Menu } from 'lucide-react';
import { useState } from 'react';
import { Outlet, useMatches } from 'react-router';
import { BrandLogo } from '@/components/BrandLogo.tsx';
import { SidebarContent } from '@/components/shell/SidebarContent.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '@/components/ui/sheet.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';

/** Sidebar on desktop; on phones a top bar whose button opens the same sidebar as a drawer. */
export function AppShell() {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { orgId } = useCurrentOrg();
  const closeDrawer = () => setDrawerOpen(false);
  // Work surfaces (the inbox) take the whole area below the mobile top bar instead of a centered page.
  const fullBleed = useMatches().some((m) => (m.handle as { fullBleed?: boolean } | undefined)?.fullBleed);

  return (
    <div className="min-h-dvh bg-slate-50/50">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2 focus:shadow-md"
      >
        Pular para o conteúdo
      </a>
      <aside className="fixed inset-y-0 left-0 hidden w-64 border-r border-slate-200 bg-sidebar lg:block">
        <SidebarContent />
      </aside>

      <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b border-slate-200 bg-white/95 px-3 backdrop-blur lg:hidden">
        <Button variant="ghost" size="icon" aria-label="Abrir menu" onClick={() => setDrawerOpen(true)}>
          <Menu className="size-5!" aria-hidden="true" />
        </Button>
        <BrandLogo />
      </header>
      <Sheet open={drawerOpen} onOpenChange={setDrawerOpen}>
        <SheetContent aria-describedby={undefined}>
          <SheetTitle className="sr-only">Menu</SheetTitle>
          <SheetDescription className="sr-only">Navegação principal</SheetDescription>
          <SidebarContent onNavigate={closeDrawer} />
        </SheetContent>
      </Sheet>

      <main id="main" className="lg:pl-64">
        {/* Keyed by company so page state never leaks between companies. */}
        <div
          key={orgId}
          className={
            fullBleed
              ? 'h-[calc(100dvh-3.5rem)] lg:h-dvh'
              : 'mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:px-10 lg:py-10'
          }
        >
          <Outlet />
        </div>
      </main>
    </div>
  );
}
