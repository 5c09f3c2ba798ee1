/** The services entry's name by role: a department works its queue, an enterprise follows its own requests. */
export function serviceMenuKey(role: string | undefined) {
  return role === 'department' ? 'svcMenuDepartment' : role === 'enterprise' ? 'svcMenuEnterprise' : 'svcMenu';
}
