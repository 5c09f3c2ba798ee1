import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FundProjectionScreenOutlined,
  GiftOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProjectOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tag } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { isContestRole } from '../../../shared/roles.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { useAuth } from '../auth/AuthProvider.js';
import { ChangePasswordModal } from '../auth/ChangePasswordModal.js';
import { TotpModal } from '../auth/TotpModal.js';
import { serviceMenuKey } from '../services/menu.js';
import { useSkillsEntries } from '../skills/api.js';
import { skillsMenuItems } from '../skills/menu.js';
import { NotificationBell } from '../notifications/NotificationBell.js';
import { CONTEST_MENU_ROLES, livestreamMenuItems } from '../livestream/menu.js';

const { Header, Sider, Content } = Layout;
// The command view is for those judged on the figures and those who judge.
const COMMAND_ROLES: readonly string[] = ['admin', 'leader', 'region'];

export function AppLayout() {
  const { t, role } = useI18n();
  const { user, isAdmin, signOut } = useAuth();
  const skillsEntries = useSkillsEntries(user);
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Until the first measurement, assume desktop so 1280px screens do not flash the drawer button.
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [totpOpen, setTotpOpen] = useState(false);

  // Contest accounts see the contests only; the server refuses them everything else (shared/roles.ts).
  const platform = !!user && !isContestRole(user.role);
  const platformItems: MenuProps['items'] = [
    { key: '/dashboard', icon: <DashboardOutlined />, label: <span data-testid="menu-dashboard">{t('menuDashboard')}</span> },
    ...(user && COMMAND_ROLES.includes(user.role)
      ? [
          {
            key: 'command-menu',
            icon: <FundProjectionScreenOutlined />,
            label: <span data-testid="menu-command-group">{t('cmdMenuGroup')}</span>,
            children: [
              { key: '/command', label: <span data-testid="menu-command">{t('cmdMenu')}</span> },
              { key: '/bigscreen', label: <span data-testid="menu-bigscreen">{t('cmdMenuBigscreen')}</span> },
              { key: '/reports', label: <span data-testid="menu-reports">{t('cmdMenuReports')}</span> },
            ],
          },
        ]
      : []),
    { key: '/projects', icon: <ProjectOutlined />, label: <span data-testid="menu-projects">{t('menuProjects')}</span> },
    { key: '/chains', icon: <ApartmentOutlined />, label: <span data-testid="menu-chains">{t('menuChains')}</span> },
    { key: '/enterprises', icon: <BankOutlined />, label: <span data-testid="menu-enterprises">{t('menuEnterprises')}</span> },
    {
      key: 'leads-menu',
      icon: <AimOutlined />,
      label: <span data-testid="menu-leads">{t('menuLeads')}</span>,
      children: [
        { key: '/leads', label: <span data-testid="menu-leads-list">{t('lpList')}</span> },
        { key: '/leads/board', label: <span data-testid="menu-leads-board">{t('lpBoard')}</span> },
      ],
    },
    { key: '/services', icon: <CustomerServiceOutlined />, label: <span data-testid="menu-services">{t(serviceMenuKey(user?.role))}</span> },
    ...(user && user.role !== 'department' && user.role !== 'enterprise'
      ? [{ key: '/events', icon: <ScheduleOutlined />, label: <span data-testid="menu-events">{t('menuEvents')}</span> }]
      : []),
    ...(user && ['admin', 'leader', 'region'].includes(user.role)
      ? [{ key: '/opportunities', icon: <ShopOutlined />, label: <span data-testid="menu-opportunities">{t('menuOpportunities')}</span> }]
      : []),
    { key: '/approvals', icon: <SolutionOutlined />, label: <span data-testid="menu-approvals">{t('apMenuQueue')}</span> },
    ...(user
      ? [
          user.role === 'enterprise'
            ? { key: '/my/policies', icon: <GiftOutlined />, label: <span data-testid="menu-my-policies">{t('plMyMenu')}</span> }
            : { key: '/policies', icon: <GiftOutlined />, label: <span data-testid="menu-policies">{t('plMenu')}</span> },
        ]
      : []),
    ...(isAdmin
      ? [
          { key: '/imports', icon: <CloudUploadOutlined />, label: <span data-testid="menu-imports">{t('menuImports')}</span> },
          { key: '/audit', icon: <AuditOutlined />, label: <span data-testid="menu-audit">{t('menuAudit')}</span> },
          {
            key: 'settings-menu',
            icon: <SettingOutlined />,
            label: <span data-testid="menu-settings">{t('setMenu')}</span>,
            children: [
              { key: '/settings/users', label: <span data-testid="menu-settings-users">{t('usMenu')}</span> },
              { key: '/settings/services', label: <span data-testid="menu-settings-services">{t('setServices')}</span> },
              { key: '/settings/indicator-targets', label: <span data-testid="menu-indicator-targets">{t('cmdMenuTargets')}</span> },
              { key: '/settings/approval-templates', label: <span data-testid="menu-approval-templates">{t('apMenuTemplates')}</span> },
            ],
          },
        ]
      : []),
  ];
  // 赛事活动: one group; each contest feature lists its own entries (skills/menu.tsx, livestream/menu.tsx).
  const contestItems = [...skillsMenuItems(user, t, Boolean(skillsEntries.data?.items.length)), ...(user && CONTEST_MENU_ROLES.includes(user.role) ? livestreamMenuItems(t) : [])];
  const contestGroup: MenuProps['items'] = contestItems.length
    ? [{ key: 'contests-menu', icon: <TrophyOutlined />, label: <span data-testid="menu-contests">{t('skMenuGroup')}</span>, children: contestItems }]
    : [];
  const items: MenuProps['items'] = [...(platform ? platformItems : []), ...contestGroup];
  const selected = ['/leads/board', '/settings/', '/my/', '/skills/'].some((prefix) => location.pathname.startsWith(prefix))
    ? location.pathname
    : '/' + (location.pathname.split('/')[1] ?? '');

  const menu = (
    <Menu
      theme={mobile ? 'light' : 'dark'}
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={selected.startsWith('/leads') ? ['leads-menu'] : selected.startsWith('/settings') ? ['settings-menu'] : ['/command', '/reports'].includes(selected) ? ['command-menu'] : selected === '/skills' || selected.startsWith('/livestream') || !platform ? ['contests-menu'] : []}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        // A department's entry opens its own queue.
        navigate(key === '/services' && user?.role === 'department' && user.department ? `/services?departmentCode=${user.department}` : key);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Sider width={208} breakpoint="lg" collapsible>
          <div className="brand">{t('productName')}</div>
          {menu}
        </Sider>
      )}
      <Layout>
        <Header className="app-header">
          <div className="header-left">
            {mobile && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('menu')}
                data-testid="menu-toggle"
                onClick={() => setDrawerOpen(true)}
              />
            )}
            <span className="header-title">{mobile ? t('productName') : t('productTagline')}</span>
          </div>
          <Space size={mobile ? 0 : 8} wrap={false}>
            {user && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('acChangePassword')}</span> },
                    { key: 'totp', icon: <SafetyOutlined />, label: <span data-testid="menu-totp">{t('acTotp')}</span> },
                  ],
                  onClick: ({ key }) => (key === 'totp' ? setTotpOpen(true) : setPasswordOpen(true)),
                }}
              >
                <span className="header-user" data-testid="current-user" role="button" style={{ cursor: 'pointer' }}>
                  <span className="header-name" style={{ maxWidth: mobile ? 96 : 200 }}>
                    {user.displayName}
                  </span>
                  {!mobile && <Tag color="blue">{role(user.role)}</Tag>}
                </span>
              </Dropdown>
            )}
            <NotificationBell />
            <LanguageSwitch compact={mobile} />
            <Button
              type="text"
              icon={<LogoutOutlined />}
              data-testid="sign-out"
              aria-label={t('signOut')}
              onClick={() => void signOut()}
            >
              {mobile ? null : t('signOut')}
            </Button>
          </Space>
        </Header>
        <Content className="app-content">
          {/* Contest accounts land on the contests, not on the platform's dashboard they cannot read. */}
          {user && !platform && location.pathname === '/dashboard' ? <Navigate to="/livestream" replace /> : <Outlet />}
        </Content>
      </Layout>
      <Drawer
        placement="left"
        open={mobile && drawerOpen}
        onClose={() => setDrawerOpen(false)}
        title={t('productName')}
        width={240}
        styles={{ body: { padding: 0 } }}
      >
        {user && (
          <div style={{ padding: '12px 24px' }}>
            {user.displayName} <Tag color="blue">{role(user.role)}</Tag>
          </div>
        )}
        {menu}
      </Drawer>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
      <TotpModal open={totpOpen} onClose={() => setTotpOpen(false)} />
    </Layout>
  );
}
