import { defineMessages } from '../../i18n/define.js';

// The account menu in the header and the change-password dialog.
export const authMessages = defineMessages(
  {
    acChangePassword: '修改密码',
    acCurrentPassword: '当前密码',
    acNewPassword: '新密码',
    acConfirmPassword: '确认新密码',
    acMismatch: '两次输入的新密码不一致',
    acRequired: '请输入{field}',
    acRules: '密码要求:至少 {n} 个字符;包含大写字母、小写字母、数字、符号中的至少三类;不能是常见密码,不能包含用户名;不能与最近 {h} 次使用过的密码相同。',
    acChanged: '密码已修改,其他设备上的登录已失效',
    acSubmit: '确认修改',
    acCancel: '取消',
  },
  {
    acChangePassword: 'Change password',
    acCurrentPassword: 'Current password',
    acNewPassword: 'New password',
    acConfirmPassword: 'Confirm new password',
    acMismatch: 'The two new passwords differ',
    acRequired: 'Enter the {field}',
    acRules: 'At least {n} characters; three of upper-case, lower-case, digits and symbols; not a common password and not containing the username; different from the last {h} passwords.',
    acChanged: 'Password changed; sign-ins on other devices have ended',
    acSubmit: 'Change',
    acCancel: 'Cancel',
  },
);
