import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './features/auth/AuthProvider.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { RequireAuth } from './features/auth/RequireAuth.js';
import { AppLayout } from './features/layout/AppLayout.js';
import { useAuth } from './features/auth/AuthProvider.js';
import { landingPathFor } from './features/skills/landing.js';
import { useSkillsEntries } from './features/skills/api.js';
import { useI18n } from './i18n/I18nProvider.js';

// Pages load on demand so the sign-in page does not wait for ECharts and the big forms.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.js'));
const ProjectListPage = lazy(() => import('./features/projects/ProjectListPage.js'));
const ProjectDetailPage = lazy(() => import('./features/projects/ProjectDetailPage.js'));
const ProjectFormPage = lazy(() => import('./features/projects/ProjectFormPage.js'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.js'));
const ChainsPage = lazy(() => import('./features/chains/ChainsPage.js'));
const ChainPage = lazy(() => import('./features/chains/ChainPage.js'));
const EnterpriseListPage = lazy(() => import('./features/enterprises/EnterpriseListPage.js'));
const EnterpriseDetailPage = lazy(() => import('./features/enterprises/EnterpriseDetailPage.js'));
const EnterpriseFormPage = lazy(() => import('./features/enterprises/EnterpriseFormPage.js'));
const LeadListPage = lazy(() => import('./features/leads/LeadListPage.js'));
const EventListPage = lazy(() => import('./features/events/EventListPage.js'));
const EventDetailPage = lazy(() => import('./features/events/EventDetailPage.js'));
const EventCheckInPage = lazy(() => import('./features/events/CheckInPage.js'));
const EventRunSheetPage = lazy(() => import('./features/events/RunSheetPage.js'));
const LeadBoardPage = lazy(() => import('./features/leads/LeadBoardPage.js'));
const LeadDetailPage = lazy(() => import('./features/leads/LeadDetailPage.js'));
const LeadFormPage = lazy(() => import('./features/leads/LeadFormPage.js'));
const ImportsPage = lazy(() => import('./features/imports/ImportsPage.js'));
const PublicPage = lazy(() => import('./features/opportunities/PublicPage.js'));
const OpportunitiesPage = lazy(() => import('./features/opportunities/OpportunitiesPage.js'));
const ServiceListPage = lazy(() => import('./features/services/ServiceListPage.js'));
const ServiceFormPage = lazy(() => import('./features/services/ServiceFormPage.js'));
const ServiceDetailPage = lazy(() => import('./features/services/ServiceDetailPage.js'));
const NotificationsPage = lazy(() => import('./features/notifications/NotificationsPage.js'));
const ServiceSettingsPage = lazy(() => import('./features/settings/ServiceSettingsPage.js'));
const ApprovalQueuePage = lazy(() => import('./features/approvals/ApprovalQueuePage.js'));
const ApprovalTemplatesPage = lazy(() => import('./features/approvals/ApprovalTemplatesPage.js'));
const PolicyListPage = lazy(() => import('./features/policies/PolicyListPage.js'));
const PolicyDetailPage = lazy(() => import('./features/policies/PolicyDetailPage.js'));
const PolicyFormPage = lazy(() => import('./features/policies/PolicyFormPage.js'));
const MyPoliciesPage = lazy(() => import('./features/policies/MyPoliciesPage.js'));
const VisitKitPage = lazy(() => import('./features/policies/VisitKitPage.js'));
const CommandPage = lazy(() => import('./features/command/CommandPage.js'));
const BigScreenPage = lazy(() => import('./features/bigscreen/BigScreenPage.js'));
const MonthlyReportPage = lazy(() => import('./features/reports/MonthlyReportPage.js'));
const IndicatorTargetsPage = lazy(() => import('./features/settings/IndicatorTargetsPage.js'));
const UsersPage = lazy(() => import('./features/users/UsersPage.js'));
const SkillsAdminPage = lazy(() => import('./features/skills/SkillsAdminPage.js'));
const SkillsMarkPage = lazy(() => import('./features/skills/MarkPage.js'));
const SkillsMyEntryPage = lazy(() => import('./features/skills/MyEntryPage.js'));
const VerifyPage = lazy(() => import('./features/skills/VerifyPage.js'));
const ContestListPage = lazy(() => import('./features/livestream/ContestListPage.js'));
const ContestFormPage = lazy(() => import('./features/livestream/ContestFormPage.js'));
const ContestDetailPage = lazy(() => import('./features/livestream/ContestDetailPage.js'));
const PublicBoardPage = lazy(() => import('./features/livestream/PublicBoardPage.js'));
// antd's Result carries large SVG illustrations; only a wrong address needs them.
const NotFound = lazy(() => import('./features/layout/NotFound.js').then((m) => ({ default: m.NotFound })));

/** The index route: each role's start page. */
function Landing() {
  const { user } = useAuth();
  // A contestant may be in either contest: the skills page if they have an entry there, else the livestream contests.
  const skills = useSkillsEntries(user);
  if (user?.role === 'contestant') {
    if (skills.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
    return <Navigate to={skills.data?.items.length ? '/skills/me' : '/livestream'} replace />;
  }
  return <Navigate to={landingPathFor(user)} replace />;
}

function Page({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div style={{ display: 'grid', placeItems: 'center', height: 240 }}>
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

export function App() {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <AuthProvider>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            {/* The door's phone and the printer get the page without the menu around it. */}
            <Route path="/events/:id/check-in" element={<RequireAuth admin><Page><EventCheckInPage /></Page></RequireAuth>} />
            <Route path="/events/:id/run-sheet" element={<RequireAuth><Page><EventRunSheetPage /></Page></RequireAuth>} />
            {/* The wall screen is the whole window: no menu, no header. */}
            <Route path="/bigscreen" element={<RequireAuth><Page><BigScreenPage /></Page></RequireAuth>} />
            <Route path="/open" element={<Page><PublicPage /></Page>} />
            {/* A certificate's check is public and stands alone, like /open. */}
            <Route path="/verify" element={<Page><VerifyPage /></Page>} />
            <Route path="/verify/:code" element={<Page><VerifyPage /></Page>} />
            <Route path="/open/livestream/:id" element={<Page><PublicBoardPage /></Page>} />
            <Route
              element={
                <RequireAuth>
                  <AppLayout />
                </RequireAuth>
              }
            >
              <Route index element={<Landing />} />
              <Route path="dashboard" element={<Page><DashboardPage /></Page>} />
              <Route path="projects" element={<Page><ProjectListPage /></Page>} />
              <Route path="projects/new" element={<Page><ProjectFormPage /></Page>} />
              <Route path="projects/:id" element={<Page><ProjectDetailPage /></Page>} />
              <Route path="projects/:id/edit" element={<Page><ProjectFormPage /></Page>} />
              <Route path="command" element={<Page><CommandPage /></Page>} />
              <Route path="reports" element={<Page><MonthlyReportPage /></Page>} />
              <Route path="chains" element={<Page><ChainsPage /></Page>} />
              <Route path="chains/:id" element={<Page><ChainPage /></Page>} />
              <Route path="enterprises" element={<Page><EnterpriseListPage /></Page>} />
              <Route path="enterprises/new" element={<Page><EnterpriseFormPage /></Page>} />
              <Route path="enterprises/:id" element={<Page><EnterpriseDetailPage /></Page>} />
              <Route path="enterprises/:id/edit" element={<Page><EnterpriseFormPage /></Page>} />
              <Route path="leads" element={<Page><LeadListPage /></Page>} />
              <Route path="events" element={<Page><EventListPage /></Page>} />
              <Route path="events/:id" element={<Page><EventDetailPage /></Page>} />
              <Route path="opportunities" element={<Page><OpportunitiesPage /></Page>} />
              <Route path="leads/board" element={<Page><LeadBoardPage /></Page>} />
              <Route path="leads/new" element={<Page><LeadFormPage /></Page>} />
              <Route path="leads/:id" element={<Page><LeadDetailPage /></Page>} />
              <Route path="leads/:id/edit" element={<Page><LeadFormPage /></Page>} />
              <Route path="services" element={<Page><ServiceListPage /></Page>} />
              <Route path="services/new" element={<Page><ServiceFormPage /></Page>} />
              <Route path="services/:id" element={<Page><ServiceDetailPage /></Page>} />
              <Route path="approvals" element={<Page><ApprovalQueuePage /></Page>} />
              <Route path="settings/indicator-targets" element={<RequireAuth admin><Page><IndicatorTargetsPage /></Page></RequireAuth>} />
              <Route path="settings/users" element={<RequireAuth admin><Page><UsersPage /></Page></RequireAuth>} />
              <Route
                path="settings/approval-templates"
                element={
                  <RequireAuth admin>
                    <Page><ApprovalTemplatesPage /></Page>
                  </RequireAuth>
                }
              />
              <Route path="policies" element={<Page><PolicyListPage /></Page>} />
              <Route path="policies/new" element={<RequireAuth admin><Page><PolicyFormPage /></Page></RequireAuth>} />
              <Route path="policies/:id" element={<Page><PolicyDetailPage /></Page>} />
              <Route path="policies/:id/edit" element={<RequireAuth admin><Page><PolicyFormPage /></Page></RequireAuth>} />
              <Route path="my/policies" element={<Page><MyPoliciesPage /></Page>} />
              <Route path="enterprises/:id/visit-kit" element={<Page><VisitKitPage /></Page>} />
              <Route
                path="imports"
                element={
                  <RequireAuth admin>
                    <Page><ImportsPage /></Page>
                  </RequireAuth>
                }
              />
              <Route
                path="audit"
                element={
                  <RequireAuth admin>
                    <Page><AuditPage /></Page>
                  </RequireAuth>
                }
              />
              <Route path="skills" element={<Page><SkillsAdminPage /></Page>} />
              <Route path="skills/mark" element={<Page><SkillsMarkPage /></Page>} />
              <Route path="skills/me" element={<Page><SkillsMyEntryPage /></Page>} />
              <Route path="notifications" element={<Page><NotificationsPage /></Page>} />
              <Route
                path="settings/services"
                element={
                  <RequireAuth admin>
                    <Page><ServiceSettingsPage /></Page>
                  </RequireAuth>
                }
              />
              <Route path="livestream" element={<Page><ContestListPage /></Page>} />
              <Route path="livestream/new" element={<Page><ContestFormPage /></Page>} />
              <Route path="livestream/:id" element={<Page><ContestDetailPage /></Page>} />
              <Route path="livestream/:id/edit" element={<Page><ContestFormPage /></Page>} />
              <Route path="*" element={<Page><NotFound /></Page>} />
            </Route>
          </Routes>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
